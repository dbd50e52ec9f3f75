package io.dictum.core.contacts;

import io.dictum.core.db.Binding;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class ContactRepository {

    private final DatabaseClient db;

    public ContactRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Contact contact, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO contacts (id, name, kind, email, phone, created_at)"
                        + " VALUES (:id, :name, :kind, :email, :phone, :at)")
                .bind("id", contact.id().value())
                .bind("name", contact.name())
                .bind("kind", contact.kind().id())
                .bind("at", at);
        spec = Binding.nullable(spec, "email", contact.email(), String.class);
        spec = Binding.nullable(spec, "phone", contact.phone(), String.class);
        return spec.then().thenMany(Flux.fromIterable(contact.aliases()).concatMap(alias ->
                db.sql("INSERT INTO contact_aliases (contact_id, alias) VALUES (:id, :alias)")
                        .bind("id", contact.id().value())
                        .bind("alias", alias)
                        .then())).then();
    }

    public Mono<Contact> findById(ContactId id) {
        return withAliases(db.sql("SELECT id, name, kind, email, phone FROM contacts WHERE id = :id")
                .bind("id", id.value())
                .map(ContactRepository::map)
                .all()).next();
    }

    /** The fields a list of contacts sorts by; by name by default. */
    public static final Sorting SORTING = Sorting.of("contacts", "LOWER(name)", "id",
            "name", "LOWER(name)", "kind", "kind", "email", "LOWER(email)", "createdAt", "created_at");

    public Flux<Contact> findPage(PageRequest page) {
        return withAliases(db.sql("SELECT id, name, kind, email, phone FROM contacts" + SORTING.orderBy(page.sort())
                        + " LIMIT :limit OFFSET :offset")
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(ContactRepository::map)
                .all());
    }

    public Mono<Long> count() {
        return db.sql("SELECT COUNT(*) AS n FROM contacts").map(r -> r.get("n", Long.class)).one();
    }

    /** Every contact with its aliases, in two queries (the index is rebuilt from this). */
    public Flux<Contact> findAll() {
        return db.sql("SELECT contact_id, alias FROM contact_aliases ORDER BY contact_id, alias")
                .map(r -> Map.entry(r.get("contact_id", UUID.class), r.get("alias", String.class)))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMapMany(aliases -> db.sql("SELECT id, name, kind, email, phone FROM contacts")
                        .map(ContactRepository::map)
                        .all()
                        .map(c -> new Contact(c.id(), c.name(), c.kind(),
                                List.copyOf(aliases.getOrDefault(c.id().value(), List.of())), c.email(), c.phone())));
    }

    /** Contacts whose name equals the given one, ignoring case: the exact-duplicate check before creating one. */
    public Flux<Contact> findByNameIgnoringCase(String name) {
        return withAliases(db.sql("SELECT id, name, kind, email, phone FROM contacts WHERE LOWER(name) = :name")
                .bind("name", name.toLowerCase(java.util.Locale.ROOT))
                .map(ContactRepository::map)
                .all());
    }

    private Flux<Contact> withAliases(Flux<Contact> contacts) {
        return contacts.concatMap(c -> db.sql("SELECT alias FROM contact_aliases WHERE contact_id = :id ORDER BY alias")
                .bind("id", c.id().value())
                .map(r -> r.get("alias", String.class))
                .all()
                .collectList()
                .map(aliases -> new Contact(c.id(), c.name(), c.kind(), aliases, c.email(), c.phone())));
    }

    private static Contact map(io.r2dbc.spi.Readable r) {
        return new Contact(new ContactId(r.get("id", UUID.class)), r.get("name", String.class),
                ContactKind.fromId(r.get("kind", String.class)), List.of(), r.get("email", String.class),
                r.get("phone", String.class));
    }
}
