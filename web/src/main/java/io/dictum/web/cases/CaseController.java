package io.dictum.web.cases;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.AddedParty;
import io.dictum.core.cases.CasePatch;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.cases.NewParty;
import io.dictum.core.cases.Party;
import io.dictum.core.cases.PartyService;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentService;
import io.dictum.web.paging.DefaultPageSize;
import io.dictum.web.paging.PageQuery;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseService cases;
    private final DocumentService documents;
    private final PartyService partyService;

    CaseController(CaseService cases, DocumentService documents, PartyService partyService) {
        this.cases = cases;
        this.documents = documents;
        this.partyService = partyService;
    }

    @GetMapping
    Mono<ResponseEntity<List<LegalCase>>> list(Actor actor, @DefaultPageSize(50) PageQuery paging,
                                               @RequestParam(required = false) CaseStatus status) {
        return paging.answer(p -> cases.page(actor, Optional.ofNullable(status), p));
    }

    @PostMapping
    Mono<ResponseEntity<LegalCase>> create(Actor actor, @RequestBody NewCase request) {
        return cases.create(actor, request)
                .map(c -> ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).body(c));
    }

    @GetMapping("/{id}")
    Mono<LegalCase> get(Actor actor, @PathVariable CaseId id) {
        return cases.get(actor, id);
    }

    @PatchMapping("/{id}")
    Mono<LegalCase> update(Actor actor, @PathVariable CaseId id, @RequestBody CasePatch patch) {
        return cases.update(actor, id, patch);
    }

    @GetMapping("/{id}/parties")
    Mono<ResponseEntity<List<Party>>> parties(Actor actor, @PathVariable CaseId id, PageQuery paging) {
        return paging.answer(p -> cases.parties(actor, id, p));
    }

    /** Adds a party after a conflict check; the hits come back with the party, dangerous ones first. */
    @PostMapping("/{id}/parties")
    Mono<ResponseEntity<AddedParty>> addParty(Actor actor, @PathVariable CaseId id, @RequestBody NewParty request) {
        return partyService.add(actor, id, request)
                .map(added -> ResponseEntity.status(HttpStatus.CREATED).body(added));
    }

    @GetMapping("/{id}/documents")
    Mono<ResponseEntity<List<Document>>> documents(Actor actor, @PathVariable CaseId id, PageQuery paging) {
        return paging.answer(p -> documents.inCase(actor, id, p));
    }
}
