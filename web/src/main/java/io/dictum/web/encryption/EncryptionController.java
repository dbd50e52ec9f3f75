package io.dictum.web.encryption;

import io.dictum.core.access.Actor;
import io.dictum.core.documents.ContentRewrap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Key rotation for administrators: start the rewrap of stored contents and follow its progress. */
@RestController
class EncryptionController {

    private final ContentRewrap rewrap;

    EncryptionController(ContentRewrap rewrap) {
        this.rewrap = rewrap;
    }

    @GetMapping("/api/v1/admin/encryption")
    Mono<ContentRewrap.Progress> status(Actor actor) {
        return rewrap.progress(actor);
    }

    @PostMapping("/api/v1/admin/encryption/rewrap")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ContentRewrap.Progress> start(Actor actor) {
        return rewrap.start(actor);
    }
}
