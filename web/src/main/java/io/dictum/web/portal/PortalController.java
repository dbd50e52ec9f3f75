package io.dictum.web.portal;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.portal.CaseMessage;
import io.dictum.core.portal.Milestone;
import io.dictum.core.portal.PortalCase;
import io.dictum.core.portal.PortalService;
import io.dictum.web.downloads.Downloads;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The client portal: a client user's own cases, the documents shared with them, milestones and messages. */
@RestController
class PortalController {

    private final PortalService portal;

    PortalController(PortalService portal) {
        this.portal = portal;
    }

    @GetMapping("/api/v1/portal/cases")
    Flux<PortalCase> cases(Actor actor) {
        return portal.cases(actor);
    }

    @GetMapping("/api/v1/portal/cases/{id}")
    Mono<PortalCase> get(Actor actor, @PathVariable CaseId id) {
        return portal.get(actor, id);
    }

    @GetMapping("/api/v1/portal/cases/{id}/documents")
    Flux<Document> documents(Actor actor, @PathVariable CaseId id) {
        return portal.documents(actor, id);
    }

    @GetMapping("/api/v1/portal/cases/{id}/documents/{documentId}/content")
    Mono<ResponseEntity<Flux<DataBuffer>>> content(Actor actor, @PathVariable CaseId id,
                                                   @PathVariable DocumentId documentId,
                                                   @RequestParam(required = false) Integer version) {
        return portal.content(actor, id, documentId, Optional.ofNullable(version)).flatMap(Downloads::stored);
    }

    @GetMapping("/api/v1/portal/cases/{id}/milestones")
    Flux<Milestone> milestones(Actor actor, @PathVariable CaseId id) {
        return portal.milestones(actor, id);
    }

    @GetMapping("/api/v1/portal/cases/{id}/messages")
    Flux<CaseMessage> messages(Actor actor, @PathVariable CaseId id) {
        return portal.messages(actor, id);
    }

    @PostMapping("/api/v1/portal/cases/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CaseMessage> send(Actor actor, @PathVariable CaseId id,
                           @RequestBody MessageController.NewMessage message) {
        return portal.send(actor, id, message == null ? null : message.text());
    }
}
