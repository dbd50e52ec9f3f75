package io.dictum.core.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import io.dictum.intents.Intent;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One row per user in {@code conversation_contexts}. Every web node reads and writes the same rows, so a follow-up
 * may land on any node; taking a pending question is a conditional update, so only one answer carries it out.
 */
@Repository
public class ConversationRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() { };
    private static final TypeReference<List<Choice>> CHOICES = new TypeReference<>() { };
    private static final String NO_PENDING = "pending_id = NULL, pending_intent = NULL, pending_slot = NULL,"
            + " pending_slots = NULL, pending_choices = NULL, pending_question = NULL, pending_reference_time = NULL,"
            + " pending_expires_at = NULL";

    private final DatabaseClient db;

    public ConversationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ConversationState> find(UserId user) {
        return db.sql("SELECT * FROM conversation_contexts WHERE user_id = :user").bind("user", user.value())
                .map(ConversationRepository::map).one();
    }

    /** The case the user opened; it stays the context until another is opened. */
    public Mono<Void> openCase(UserId user, CaseId caseId, Instant now) {
        return upsert(user, now, "case_id = :caseId, case_opened_at = :now",
                spec -> spec.bind("caseId", caseId.value()).bind("now", utc(now)));
    }

    /** Leaves a question waiting for its answer, in place of any earlier one. */
    public Mono<Void> ask(UserId user, PendingClarification p, Instant now) {
        return upsert(user, now, "pending_id = :id, pending_intent = :intent, pending_slot = :slot,"
                + " pending_slots = :slots, pending_choices = :choices, pending_question = :question,"
                + " pending_reference_time = :reference, pending_expires_at = :expires", spec -> spec
                .bind("id", p.id()).bind("intent", p.intent().id()).bind("slot", p.slot())
                .bind("slots", json(p.slots())).bind("choices", json(p.choices()))
                .bind("question", p.question()).bind("reference", p.referenceTime())
                .bind("expires", utc(p.expiresAt())));
    }

    /** Removes the pending question if it is still this one: true for exactly one caller. */
    public Mono<Boolean> take(UserId user, UUID pendingId, Instant now) {
        return db.sql("UPDATE conversation_contexts SET " + NO_PENDING + ", updated_at = :now"
                        + " WHERE user_id = :user AND pending_id = :id")
                .bind("user", user.value()).bind("id", pendingId).bind("now", utc(now))
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    private Mono<Void> upsert(UserId user, Instant now, String set,
                              java.util.function.UnaryOperator<GenericExecuteSpec> values) {
        Mono<Long> update = Mono.defer(() -> values.apply(db.sql("UPDATE conversation_contexts SET " + set
                        + ", updated_at = :updatedAt WHERE user_id = :user")
                .bind("user", user.value()).bind("updatedAt", utc(now))).fetch().rowsUpdated());
        Mono<Void> insert = db.sql("INSERT INTO conversation_contexts (user_id, updated_at) VALUES (:user, :updatedAt)")
                .bind("user", user.value()).bind("updatedAt", utc(now)).then()
                // another node inserted the row first: fine, the update below writes over it
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.empty());
        return update.flatMap(n -> n > 0 ? Mono.<Void>empty() : insert.then(update).then());
    }

    private static ConversationState map(Readable r) {
        UUID caseId = r.get("case_id", UUID.class);
        OffsetDateTime caseOpenedAt = r.get("case_opened_at", OffsetDateTime.class);
        UUID pendingId = r.get("pending_id", UUID.class);
        Optional<PendingClarification> pending = pendingId == null ? Optional.empty()
                : Optional.of(new PendingClarification(pendingId, Intent.fromId(r.get("pending_intent", String.class)),
                read(r.get("pending_slots", String.class), SLOTS), r.get("pending_slot", String.class),
                read(r.get("pending_choices", String.class), CHOICES), r.get("pending_question", String.class),
                r.get("pending_reference_time", OffsetDateTime.class),
                r.get("pending_expires_at", OffsetDateTime.class).toInstant()));
        return new ConversationState(Optional.ofNullable(caseId).map(CaseId::new),
                Optional.ofNullable(caseOpenedAt).map(OffsetDateTime::toInstant), pending,
                r.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation state is not readable JSON", e);
        }
    }
}
