package io.dictum.web.contacts;

import io.dictum.core.access.Actor;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactService;
import io.dictum.core.contacts.NewContact;
import io.dictum.web.paging.DefaultPageSize;
import io.dictum.web.paging.PageQuery;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    Mono<ResponseEntity<List<Contact>>> list(Actor actor, @DefaultPageSize(50) PageQuery paging) {
        return paging.answer(p -> contacts.list(actor, p));
    }

    @PostMapping
    Mono<ResponseEntity<Contact>> create(Actor actor, @RequestBody NewContact request) {
        return contacts.create(actor, request)
                .map(c -> ResponseEntity.created(URI.create("/api/v1/contacts/" + c.id())).body(c));
    }

    @GetMapping("/{id}")
    Mono<Contact> get(Actor actor, @PathVariable ContactId id) {
        return contacts.get(actor, id);
    }
}
