package io.dictum.core.users;

import io.dictum.core.contacts.ContactId;
import io.dictum.core.db.Binding;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class UserRepository {

    /** A user with the stored password hash, for sign-in only. */
    public record Credentials(User user, String passwordHash) {
    }

    private final DatabaseClient db;

    public UserRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(User user, String passwordHash, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO users (id, username, password_hash, role, display_name, contact_id, created_at)"
                        + " VALUES (:id, :username, :hash, :role, :displayName, :contactId, :at)")
                .bind("id", user.id().value())
                .bind("username", user.username())
                .bind("hash", passwordHash)
                .bind("role", user.role().id())
                .bind("displayName", user.displayName())
                .bind("at", at);
        return Binding.nullable(spec, "contactId", user.contactId().map(ContactId::value).orElse(null), UUID.class)
                .then();
    }

    /** Where reminders are mailed; kept out of {@link User} so lists of users do not spread addresses. */
    public Mono<Void> setEmail(UserId id, String email) {
        return Binding.nullable(db.sql("UPDATE users SET email = :email WHERE id = :id").bind("id", id.value()),
                "email", email, String.class).then();
    }

    /** The address reminders go to, empty when there is none. */
    public Mono<Optional<String>> findEmail(UserId id) {
        return db.sql("SELECT email FROM users WHERE id = :id").bind("id", id.value())
                .map(r -> Optional.ofNullable(r.get("email", String.class))).one();
    }

    public Mono<Void> update(UserId id, String displayName, Role role) {
        return db.sql("UPDATE users SET display_name = :displayName, role = :role WHERE id = :id")
                .bind("id", id.value()).bind("displayName", displayName).bind("role", role.id()).then();
    }

    public Mono<Long> countRole(Role role) {
        return db.sql("SELECT COUNT(*) AS n FROM users WHERE role = :role").bind("role", role.id())
                .map(r -> r.get("n", Long.class)).one();
    }

    public Mono<Credentials> findCredentials(String username) {
        return db.sql("SELECT id, username, role, display_name, contact_id, password_hash FROM users"
                        + " WHERE username = :username")
                .bind("username", username)
                .map(r -> new Credentials(map(r), r.get("password_hash", String.class)))
                .one();
    }

    public Mono<User> findById(UserId id) {
        return db.sql("SELECT id, username, role, display_name, contact_id FROM users WHERE id = :id")
                .bind("id", id.value())
                .map(UserRepository::map)
                .one();
    }

    public Flux<User> findAll() {
        return db.sql("SELECT id, username, role, display_name, contact_id FROM users ORDER BY username")
                .map(UserRepository::map)
                .all();
    }

    /** The users who speak for a contact: a client's portal accounts. */
    public Flux<User> findByContact(ContactId contact) {
        return db.sql("SELECT id, username, role, display_name, contact_id FROM users WHERE contact_id = :contact"
                        + " ORDER BY username")
                .bind("contact", contact.value())
                .map(UserRepository::map)
                .all();
    }

    public Mono<Long> count() {
        return db.sql("SELECT COUNT(*) AS n FROM users").map(r -> r.get("n", Long.class)).one();
    }

    private static User map(Readable r) {
        UUID contact = r.get("contact_id", UUID.class);
        return new User(new UserId(r.get("id", UUID.class)), r.get("username", String.class),
                Role.fromId(r.get("role", String.class)), r.get("display_name", String.class),
                Optional.ofNullable(contact).map(ContactId::new));
    }
}
