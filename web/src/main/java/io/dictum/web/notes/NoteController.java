package io.dictum.web.notes;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.notes.Note;
import io.dictum.core.notes.NoteService;
import io.dictum.web.paging.PageQuery;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class NoteController {

    record NewNote(String text) {
    }

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @GetMapping("/api/v1/cases/{id}/notes")
    Mono<ResponseEntity<List<Note>>> list(Actor actor, @PathVariable CaseId id, PageQuery paging) {
        return paging.answer(p -> notes.page(actor, id, p));
    }

    @PostMapping("/api/v1/cases/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Note> add(Actor actor, @PathVariable CaseId id, @RequestBody NewNote note) {
        return notes.add(actor, id, note == null ? null : note.text());
    }
}
