package io.dictum.core.deadlines;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.dictum.core.paging.PageRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The deadline tables' behaviour, written once and run on H2 and on PostgreSQL. */
abstract class DeadlineRepositoryContract extends DatabaseContract {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private CaseRepository cases;
    private ContactRepository contacts;
    private DeadlineRepository deadlines;

    @BeforeAll
    void setUp() throws Exception {
        cases = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        deadlines = new DeadlineRepository(db.client);
    }

    private LegalCase newCase(String number) {
        Contact client = new Contact(ContactId.random(), "Client " + number, ContactKind.PERSON, List.of(), null,
                null);
        contacts.insert(client, NOW).block();
        LegalCase c = new LegalCase(CaseId.random(), number, "Case " + number, new MatterType("contract"),
                CaseStatus.OPEN, client.id(), null, LocalDate.of(2026, 1, 5), null, null, NOW, NOW);
        cases.insert(c).block();
        return c;
    }

    private CaseEvent event(LegalCase c, LocalTime time) {
        CaseEvent e = new CaseEvent(UUID.randomUUID(), c.id(), "FRCP", "judgment_entered", LocalDate.of(2026, 11, 27),
                time, "electronic", NOW, null);
        deadlines.insertEvent(e).block();
        return e;
    }

    private DocketedDeadline deadline(LegalCase c, CaseEvent e, String rule, LocalDate due, LocalTime time) {
        DocketedDeadline d = new DocketedDeadline(UUID.randomUUID(), c.id(), null, e.id(), rule, "Title " + rule, due,
                time, "FRCP 59(b)", "Step one. Step two: " + "x".repeat(2000), NOW);
        deadlines.insertDeadline(d).block();
        return d;
    }

    @Test
    void eventsRoundTripWithAndWithoutATime() {
        LegalCase c = newCase("D-EV-1");
        CaseEvent plain = event(c, null);
        CaseEvent timed = event(c, LocalTime.of(14, 30));
        List<CaseEvent> read = deadlines.findEvents(c.id()).collectList().block();
        assertThat(read).extracting(CaseEvent::id).containsExactlyInAnyOrder(plain.id(), timed.id());
        CaseEvent p = read.stream().filter(e -> e.id().equals(plain.id())).findFirst().orElseThrow();
        assertThat(p.time()).isNull();
        assertThat(p.createdBy()).isNull();
        assertThat(p.trigger()).isEqualTo("judgment_entered");
        assertThat(p.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(p.createdAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(read.stream().filter(e -> e.id().equals(timed.id())).findFirst().orElseThrow().time())
                .isEqualTo(LocalTime.of(14, 30));
    }

    private static final CaseFilter FIRM = CaseFilter.of(new Actor(UserId.random(), "partner", Role.PARTNER,
            Optional.empty()));

    private static CaseFilter clientOf(LegalCase c) {
        return CaseFilter.of(new Actor(UserId.random(), "client", Role.CLIENT, Optional.of(c.clientId())));
    }

    @Test
    void deadlinesAreFoundByCaseClientAndInclusiveRangeSoonestFirst() {
        LegalCase a = newCase("D-LIST-A");
        LegalCase b = newCase("D-LIST-B");
        CaseEvent ea = event(a, null);
        CaseEvent eb = event(b, null);
        deadline(a, ea, "late", LocalDate.of(2026, 12, 31), null);
        deadline(a, ea, "early", LocalDate.of(2026, 12, 28), null);
        deadline(b, eb, "timed", LocalDate.of(2026, 12, 28), LocalTime.of(10, 0));
        List<DocketedDeadline> ofA = deadlines.find(Optional.of(a.id()), FIRM, Optional.empty(),
                Optional.empty(), 100).collectList().block();
        assertThat(ofA).extracting(DocketedDeadline::rule).containsExactly("early", "late");
        assertThat(ofA.get(0).caseNumber()).isEqualTo("D-LIST-A");
        assertThat(ofA.get(0).dueTime()).isNull();
        assertThat(ofA.get(0).explanation()).hasSize(2020);
        List<DocketedDeadline> ofBsClient = deadlines.find(Optional.empty(), clientOf(b),
                Optional.empty(), Optional.empty(), 100).collectList().block();
        assertThat(ofBsClient).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("timed");
            assertThat(d.dueTime()).isEqualTo(LocalTime.of(10, 0));
        });
        List<DocketedDeadline> lastDay = deadlines.find(Optional.of(a.id()), FIRM,
                Optional.of(LocalDate.of(2026, 12, 31)), Optional.of(LocalDate.of(2026, 12, 31)), 100)
                .collectList().block();
        assertThat(lastDay).extracting(DocketedDeadline::rule).containsExactly("late");
        assertThat(deadlines.find(Optional.of(a.id()), FIRM, Optional.empty(),
                Optional.of(LocalDate.of(2026, 12, 27)), 100).collectList().block()).isEmpty();
        assertThat(deadlines.find(Optional.of(a.id()), FIRM, Optional.empty(), Optional.empty(), 1)
                .collectList().block()).hasSize(1);
    }

    @Test
    void deadlinesPageInEveryWhitelistedOrderAndCountWhatTheFilterSelects() {
        LegalCase a = newCase("D-PAGE-A");
        LegalCase b = newCase("D-PAGE-B");
        CaseEvent ea = event(a, null);
        DocketedDeadline third = deadline(a, ea, "third", LocalDate.of(2027, 2, 3), null);
        DocketedDeadline first = deadline(a, ea, "first", LocalDate.of(2027, 2, 1), null);
        DocketedDeadline second = deadline(a, ea, "second", LocalDate.of(2027, 2, 2), null);
        deadline(b, event(b, null), "other", LocalDate.of(2027, 2, 1), null);
        Optional<CaseId> ofA = Optional.of(a.id());
        assertThat(deadlines.page(ofA, FIRM, Optional.empty(), Optional.empty(), Optional.empty(),
                PageRequest.of(0, 2, null)).map(DocketedDeadline::id).collectList().block())
                .containsExactly(first.id(), second.id());
        assertThat(deadlines.page(ofA, FIRM, Optional.empty(), Optional.empty(), Optional.empty(),
                PageRequest.of(1, 2, null)).map(DocketedDeadline::id).collectList().block())
                .containsExactly(third.id());
        assertThat(deadlines.page(ofA, FIRM, Optional.empty(), Optional.empty(), Optional.empty(),
                PageRequest.of(0, 5, "title,desc")).map(DocketedDeadline::rule).collectList().block())
                .containsExactly("third", "second", "first");
        for (String sort : List.of("dueDate", "title", "caseNumber,desc", "status", "rule", "createdAt")) {
            assertThat(deadlines.page(ofA, FIRM, Optional.empty(), Optional.empty(), Optional.empty(),
                    PageRequest.of(0, 5, sort)).collectList().block()).as(sort).hasSize(3);
        }
        assertThat(deadlines.count(ofA, FIRM, Optional.empty(), Optional.empty(), Optional.empty()).block())
                .isEqualTo(3);
        assertThat(deadlines.count(ofA, FIRM, Optional.of(LocalDate.of(2027, 2, 2)), Optional.empty(),
                Optional.of(DeadlineStatus.OPEN)).block()).isEqualTo(2);
        assertThat(deadlines.count(Optional.empty(), clientOf(b), Optional.empty(), Optional.empty(),
                Optional.empty()).block()).isEqualTo(1);
    }

    @Test
    void aDeadlineNeedsItsEventAndGoesWithItsCase() {
        LegalCase c = newCase("D-FK-1");
        CaseEvent e = event(c, null);
        deadline(c, e, "kept", LocalDate.of(2027, 1, 4), null);
        assertThatThrownBy(() -> deadline(c, new CaseEvent(UUID.randomUUID(), c.id(), "FRCP", "x", LocalDate.now(),
                null, "electronic", NOW, null), "orphan", LocalDate.of(2027, 1, 4), null))
                .isInstanceOf(RuntimeException.class);
        db.client.sql("DELETE FROM cases WHERE id = :id").bind("id", c.id().value()).then().block();
        assertThat(deadlines.findEvents(c.id()).collectList().block()).isEmpty();
        assertThat(deadlines.find(Optional.of(c.id()), FIRM, Optional.empty(), Optional.empty(), 10)
                .collectList().block()).isEmpty();
    }

    @Test
    void aFailedDocketingLeavesNothingBehind() {
        LegalCase c = newCase("D-RB-1");
        CaseEvent e = new CaseEvent(UUID.randomUUID(), c.id(), "FRCP", "motion_served", LocalDate.of(2026, 12, 11),
                null, "mail", NOW, null);
        Mono<Void> failing = deadlines.insertEvent(e)
                .then(deadlines.insertDeadline(new DocketedDeadline(UUID.randomUUID(), c.id(), null, e.id(), "r",
                        "R", LocalDate.of(2026, 12, 31), null, "c", "x", NOW)))
                .then(Mono.<Void>error(new IllegalStateException("crash mid-docketing")))
                .as(db.tx::transactional);
        assertThatThrownBy(failing::block).hasMessageContaining("crash mid-docketing");
        assertThat(deadlines.findEvents(c.id()).collectList().block()).isEmpty();
        assertThat(deadlines.find(Optional.of(c.id()), FIRM, Optional.empty(), Optional.empty(), 10)
                .collectList().block()).isEmpty();
    }
}
