package io.dictum.core.contacts;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.audit.AuditLog;
import org.springframework.transaction.reactive.TransactionalOperator;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The firm's address book. Only firm members read or change it. */
@Service
public class ContactService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ContactRepository contacts;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final IndexChangeLog changes;
    private final IndexService index;

    public ContactService(ContactRepository contacts, Clock clock, AuditLog audit, TransactionalOperator tx,
                          IndexChangeLog changes, IndexService index) {
        this.contacts = contacts;
        this.changes = changes;
        this.index = index;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    public Mono<Contact> create(Actor actor, NewContact request) {
        CaseAccess.requireFirmMember(actor, "add contacts");
        return Mono.fromCallable(() -> validate(request))
                .flatMap(c -> contacts.insert(c, OffsetDateTime.now(clock))
                        .then(changes.append(IndexChangeLog.Kind.CONTACT, c.id().value()))
                        .then(audit.record(actor, "contact.create", "contact", c.id().toString(), null, c.name()))
                        .as(tx::transactional)
                        .then(index.changed(IndexChangeLog.Kind.CONTACT, c.id().value()))
                        .thenReturn(c));
    }

    public Mono<Contact> get(Actor actor, ContactId id) {
        CaseAccess.requireFirmMember(actor, "read contacts");
        return contacts.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(
                "No contact with id " + id + ". List contacts with GET /api/v1/contacts.")));
    }

    public Mono<Page<Contact>> list(Actor actor, PageRequest request) {
        CaseAccess.requireFirmMember(actor, "list contacts");
        return contacts.findPage(request).collectList().zipWith(contacts.count(),
                (items, total) -> new Page<>(items, total, request.page(), request.size()));
    }

    /** Validates a new contact and gives it an id; shared by the contacts API and parties added by name. */
    public static Contact validate(NewContact r) {
        if (r.name() == null || r.name().isBlank()) {
            throw new InvalidInputException("name is required");
        }
        if (r.name().length() > 300) {
            throw new InvalidInputException("name is longer than 300 characters");
        }
        ContactKind kind;
        try {
            kind = r.kind() == null ? ContactKind.PERSON : ContactKind.fromId(r.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (r.email() != null && !r.email().isBlank() && !EMAIL.matcher(r.email().strip()).matches()) {
            throw new InvalidInputException("email '" + r.email() + "' is not an e-mail address");
        }
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        for (String alias : r.aliases() == null ? List.<String>of() : r.aliases()) {
            if (alias != null && !alias.isBlank() && !alias.strip().equalsIgnoreCase(r.name().strip())) {
                aliases.add(alias.strip());
            }
        }
        return new Contact(ContactId.random(), r.name().strip(), kind, List.copyOf(aliases), blankToNull(r.email()),
                blankToNull(r.phone()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
