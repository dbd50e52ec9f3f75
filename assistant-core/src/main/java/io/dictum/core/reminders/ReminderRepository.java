package io.dictum.core.reminders;

import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reminder claims, and the few user facts reminders need that the users package does not expose. */
@Repository
public class ReminderRepository {

    private final DatabaseClient db;

    public ReminderRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Claims one reminder by inserting its row; a second claim of the same (deadline, due date, offset, recipient)
     * fails on the primary key, on this node or another.
     */
    public Mono<Void> claim(UUID deadlineId, LocalDate dueDate, int offsetDays, UserId recipient, OffsetDateTime at,
                            String mailStatus) {
        return db.sql("INSERT INTO reminder_deliveries (deadline_id, due_date, offset_days, recipient_id, claimed_at,"
                        + " mail_status) VALUES (:deadline, :due, :offset, :recipient, :at, :mail)")
                .bind("deadline", deadlineId).bind("due", dueDate).bind("offset", offsetDays)
                .bind("recipient", recipient.value()).bind("at", at).bind("mail", mailStatus)
                .then();
    }

    public Mono<Void> mailResult(UUID deadlineId, LocalDate dueDate, int offsetDays, UserId recipient, String status,
                                 String error) {
        var spec = db.sql("UPDATE reminder_deliveries SET mail_status = :status, mail_error = :error"
                        + " WHERE deadline_id = :deadline AND due_date = :due AND offset_days = :offset"
                        + " AND recipient_id = :recipient")
                .bind("deadline", deadlineId).bind("due", dueDate).bind("offset", offsetDays)
                .bind("recipient", recipient.value()).bind("status", status);
        return Binding.nullable(spec, "error", error == null ? null
                : error.substring(0, Math.min(500, error.length())), String.class).then();
    }

    public Flux<Delivery> deliveries(UUID deadlineId) {
        return db.sql("SELECT deadline_id, due_date, offset_days, recipient_id, mail_status FROM reminder_deliveries"
                        + " WHERE deadline_id = :deadline ORDER BY offset_days DESC, recipient_id")
                .bind("deadline", deadlineId)
                .map(r -> new Delivery(r.get("deadline_id", UUID.class), r.get("due_date", LocalDate.class),
                        r.get("offset_days", Integer.class), new UserId(r.get("recipient_id", UUID.class)),
                        r.get("mail_status", String.class)))
                .all();
    }

    public Mono<Optional<String>> email(UserId user) {
        return db.sql("SELECT email FROM users WHERE id = :id").bind("id", user.value())
                .map(r -> Optional.ofNullable(r.get("email", String.class)).filter(s -> !s.isBlank()))
                .one().defaultIfEmpty(Optional.empty());
    }

    public Flux<UserId> usersWithRole(String role) {
        return db.sql("SELECT id FROM users WHERE role = :role ORDER BY username").bind("role", role)
                .map(r -> new UserId(r.get("id", UUID.class))).all();
    }

    public Mono<UserId> userNamed(String username) {
        return db.sql("SELECT id FROM users WHERE username = :u").bind("u", username)
                .map(r -> new UserId(r.get("id", UUID.class))).one();
    }

    /** One claimed reminder, as stored. */
    public record Delivery(UUID deadlineId, LocalDate dueDate, int offsetDays, UserId recipientId,
                           String mailStatus) {
    }
}
