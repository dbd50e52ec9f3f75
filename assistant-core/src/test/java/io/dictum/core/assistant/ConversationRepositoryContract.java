package io.dictum.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.DatabaseContract;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import io.dictum.intents.Intent;
import io.r2dbc.pool.ConnectionPool;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** The stored conversation, written once and run on H2 and on PostgreSQL. */
abstract class ConversationRepositoryContract extends DatabaseContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private ConversationRepository conversations;
    private CaseRepository cases;
    private ContactRepository contacts;
    private UserRepository users;

    @BeforeAll
    void setUp() {
        conversations = new ConversationRepository(db.client);
        cases = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        users = new UserRepository(db.client);
    }

    private UserId newUser() {
        User user = new User(UserId.random(), "talker-" + UUID.randomUUID().toString().substring(0, 8), Role.ASSOCIATE,
                "Talker", Optional.empty());
        users.insert(user, "$2a$10$hash", NOW.atOffset(ZoneOffset.UTC)).block();
        return user.id();
    }

    private CaseId newCase(String title) {
        OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
        Contact client = new Contact(ContactId.random(), "Client of " + title, ContactKind.PERSON, List.of(), null, null);
        LegalCase c = new LegalCase(CaseId.random(), "T-" + UUID.randomUUID().toString().substring(0, 8), title,
                new MatterType("estate"), CaseStatus.OPEN, client.id(), null, LocalDate.of(2025, 3, 1), null, null,
                at, at);
        contacts.insert(client, at).then(cases.insert(c)).block();
        return c.id();
    }

    private static PendingClarification question(Instant expires) {
        return new PendingClarification(UUID.randomUUID(), Intent.OPEN_CASE, Map.of("period", "2026-11-23/2026-11-29"),
                "case", List.of(new Choice("id-1", "Johnson v. Acme Insurance (2025-PI-0019)", 0.71,
                        "personal injury 2025"), new Choice("id-2", "Estate of Margaret Johnson (2025-E-0004)", 0.7,
                        "estate 2025 open")),
                "Which case do you mean: Johnson v. Acme Insurance, or Estate of Margaret Johnson?",
                OffsetDateTime.of(2026, 11, 25, 9, 30, 0, 0, ZoneOffset.ofHours(-5)), expires);
    }

    /** A second node, or the same node after a restart: its own connection pool on the same database. */
    private ConversationRepository otherNode(List<ConnectionPool> pools) {
        ConnectionPool pool = db.newPool();
        pools.add(pool);
        return new ConversationRepository(DatabaseClient.create(pool));
    }

    @Test
    void aNewUserHasNoConversation() {
        assertThat(conversations.find(newUser()).blockOptional()).isEmpty();
    }

    @Test
    void theOpenCaseAndTheQuestionRoundTripAndAnotherNodeSeesThem() {
        UserId user = newUser();
        CaseId first = newCase("Estate of Ada Quill");
        CaseId second = newCase("Quill v. Northwind Freight");
        PendingClarification asked = question(NOW.plusSeconds(120));
        conversations.openCase(user, first, NOW).then(conversations.ask(user, asked, NOW.plusSeconds(1)))
                .then(conversations.openCase(user, second, NOW.plusSeconds(2))).block();

        List<ConnectionPool> pools = new java.util.ArrayList<>();
        try {
            ConversationState read = otherNode(pools).find(user).block();
            assertThat(read.openCase()).contains(second);
            assertThat(read.caseOpenedAt()).contains(NOW.plusSeconds(2));
            assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(2));
            assertThat(read.pending()).isPresent();
            PendingClarification p = read.pending().get();
            assertThat(p.id()).isEqualTo(asked.id());
            assertThat(p.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(p.slot()).isEqualTo("case");
            assertThat(p.slots()).isEqualTo(asked.slots());
            assertThat(p.choices()).isEqualTo(asked.choices());
            assertThat(p.question()).isEqualTo(asked.question());
            assertThat(p.referenceTime().toInstant()).isEqualTo(asked.referenceTime().toInstant());
            assertThat(p.expiresAt()).isEqualTo(asked.expiresAt());
        } finally {
            pools.forEach(ConnectionPool::dispose);
        }
    }

    @Test
    void aQuestionIsTakenOnceAndALaterQuestionReplacesIt() {
        UserId user = newUser();
        PendingClarification earlier = question(NOW.plusSeconds(120));
        PendingClarification later = question(NOW.plusSeconds(180));
        conversations.ask(user, earlier, NOW).then(conversations.ask(user, later, NOW.plusSeconds(1))).block();

        assertThat(conversations.take(user, earlier.id(), NOW.plusSeconds(2)).block()).isFalse();
        assertThat(conversations.find(user).block().pending()).map(PendingClarification::id).contains(later.id());
        assertThat(conversations.take(user, later.id(), NOW.plusSeconds(3)).block()).isTrue();
        assertThat(conversations.take(user, later.id(), NOW.plusSeconds(4)).block()).isFalse();
        ConversationState read = conversations.find(user).block();
        assertThat(read.pending()).isEmpty();
        assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void twoNodesAnsweringTheSameQuestionAtOnceCarryItOutOnce() {
        UserId user = newUser();
        PendingClarification asked = question(NOW.plusSeconds(120));
        conversations.ask(user, asked, NOW).block();
        List<ConnectionPool> pools = new java.util.ArrayList<>();
        try {
            ConversationRepository other = otherNode(pools);
            List<Boolean> taken = Flux.merge(conversations.take(user, asked.id(), NOW),
                    other.take(user, asked.id(), NOW)).collectList().block();
            assertThat(taken).containsExactlyInAnyOrder(true, false);
        } finally {
            pools.forEach(ConnectionPool::dispose);
        }
    }

    @Test
    void aFirstWriteFromTwoNodesAtOnceLeavesOneRow() {
        UserId user = newUser();
        CaseId a = newCase("Concurrent A");
        List<ConnectionPool> pools = new java.util.ArrayList<>();
        try {
            ConversationRepository other = otherNode(pools);
            PendingClarification asked = question(NOW.plusSeconds(120));
            Flux.merge(conversations.openCase(user, a, NOW), other.ask(user, asked, NOW)).then().block();
            ConversationState read = conversations.find(user).block();
            assertThat(read.openCase()).contains(a);
            assertThat(read.pending()).map(PendingClarification::id).contains(asked.id());
        } finally {
            pools.forEach(ConnectionPool::dispose);
        }
    }
}
