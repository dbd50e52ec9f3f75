package io.dictum.web.portal;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.portal.CaseMessage;
import io.dictum.core.portal.MessageService;
import io.dictum.core.portal.MessageSide;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The firm's side of a case's secure messages with its client; the client's side is in the portal. */
@RestController
class MessageController {

    /** A message to send. */
    record NewMessage(String text) {
    }

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/cases/{id}/messages")
    Flux<CaseMessage> list(Actor actor, @PathVariable CaseId id) {
        return messages.read(actor, id, MessageSide.FIRM);
    }

    @PostMapping("/api/v1/cases/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CaseMessage> send(Actor actor, @PathVariable CaseId id, @RequestBody NewMessage message) {
        return messages.send(actor, id, MessageSide.FIRM, message == null ? null : message.text());
    }
}
