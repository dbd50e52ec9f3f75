package io.dictum.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.calendar.CalendarFeedRepository;
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
import io.dictum.core.deadlines.CaseEvent;
import io.dictum.core.deadlines.DeadlineRepository;
import io.dictum.core.deadlines.DeadlineStatus;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.reminders.ReminderRepository;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notifications, reminder claims, deadline status and calendar feeds, written once, run on H2 and PostgreSQL. */
abstract class DeliveryRepositoryContract extends DatabaseContract {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private UserRepository users;
    private CaseRepository cases;
    private ContactRepository contacts;
    private CaseTeamRepository teams;
    private DeadlineRepository deadlines;
    private NotificationRepository notifications;
    private ReminderRepository reminders;
    private CalendarFeedRepository feeds;

    @BeforeAll
    void setUp() {
        users = new UserRepository(db.client);
        cases = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        teams = new CaseTeamRepository(db.client);
        deadlines = new DeadlineRepository(db.client);
        notifications = new NotificationRepository(db.client);
        reminders = new ReminderRepository(db.client);
        feeds = new CalendarFeedRepository(db.client);
    }

    private User user(String name, Role role) {
        User u = new User(UserId.random(), name + "-" + UUID.randomUUID().toString().substring(0, 8), role, name,
                Optional.empty());
        users.insert(u, "x", NOW).block();
        return u;
    }

    private static Actor actor(User u) {
        return new Actor(u.id(), u.username(), u.role(), u.contactId());
    }

    private LegalCase newCase() {
        Contact client = new Contact(ContactId.random(), "Client", ContactKind.PERSON, List.of(), null, null);
        contacts.insert(client, NOW).block();
        LegalCase c = new LegalCase(CaseId.random(), "N-" + UUID.randomUUID().toString().substring(0, 8), "Case",
                new MatterType("contract"), CaseStatus.OPEN, client.id(), null, LocalDate.of(2026, 1, 5), null, null,
                NOW, NOW);
        cases.insert(c).block();
        return c;
    }

    private DocketedDeadline deadline(LegalCase c, LocalDate due) {
        CaseEvent e = new CaseEvent(UUID.randomUUID(), c.id(), "FRCP", "motion_served", due.minusDays(14), null,
                "electronic", NOW, null);
        deadlines.insertEvent(e).block();
        DocketedDeadline d = new DocketedDeadline(UUID.randomUUID(), c.id(), null, e.id(), "motion_response",
                "Response", due, null, "Local rule", "Steps", NOW);
        deadlines.insertDeadline(d).block();
        return d;
    }

    private Notification notification(User to, CaseId caseId, String title) {
        Notification n = new Notification(UUID.randomUUID(), to.id(), "test", title, "body", null, caseId, NOW, null);
        notifications.insert(n).block();
        return n;
    }

    @Test
    void aReminderIsClaimedOnceAndAMovedDeadlineCanBeClaimedAgain() {
        User bking = user("bking", Role.ASSOCIATE);
        LegalCase c = newCase();
        DocketedDeadline d = deadline(c, LocalDate.of(2031, 3, 17));
        reminders.claim(d.id(), d.dueDate(), 7, bking.id(), NOW, "pending").block();
        assertThatThrownBy(() -> reminders.claim(d.id(), d.dueDate(), 7, bking.id(), NOW, "pending").block())
                .isInstanceOf(DataIntegrityViolationException.class);
        // another offset, and the same offset for a new due date, are separate reminders
        reminders.claim(d.id(), d.dueDate(), 3, bking.id(), NOW, "pending").block();
        reminders.claim(d.id(), d.dueDate().plusDays(7), 7, bking.id(), NOW, "off").block();
        reminders.mailResult(d.id(), d.dueDate(), 7, bking.id(), "failed", "x".repeat(900)).block();
        assertThat(reminders.deliveries(d.id()).map(x -> x.offsetDays() + "/" + x.mailStatus()).collectList().block())
                .containsExactlyInAnyOrder("7/failed", "7/off", "3/pending");
    }

    @Test
    void concurrentClaimsOfTheSameReminderLetExactlyOneThrough() {
        User sarah = user("sarah", Role.PARALEGAL);
        DocketedDeadline d = deadline(newCase(), LocalDate.of(2031, 4, 14));
        List<Boolean> results = Flux.range(0, 8)
                .flatMap(i -> db.tx.transactional(reminders.claim(d.id(), d.dueDate(), 1, sarah.id(), NOW, "off")
                        .thenReturn(true)).onErrorResume(e -> Mono.just(false)), 8)
                .collectList().block();
        assertThat(results).containsOnlyOnce(true);
        assertThat(reminders.deliveries(d.id()).collectList().block()).hasSize(1);
    }

    @Test
    void notificationsAreReadThroughTheRecipientsCurrentAccess() {
        User tom = user("tom", Role.STAFF);
        LegalCase open = newCase();
        LegalCase walled = newCase();
        Notification general = notification(tom, null, "General");
        Notification aboutOpen = notification(tom, open.id(), "Open case");
        Notification aboutWalled = notification(tom, walled.id(), "Walled case");
        assertThat(notifications.find(tom.id(), CaseFilter.of(actor(tom)), true, Optional.empty(), 50)
                .map(Notification::title).collectList().block()).containsExactlyInAnyOrder("General", "Open case",
                "Walled case");
        teams.screen(walled.id(), tom.id(), "conflict", NOW).block();
        assertThat(notifications.find(tom.id(), CaseFilter.of(actor(tom)), false, Optional.empty(), 50)
                .map(Notification::id).collectList().block())
                .containsExactlyInAnyOrder(general.id(), aboutOpen.id()).doesNotContain(aboutWalled.id());
        assertThat(notifications.markRead(aboutWalled.id(), tom.id(), CaseFilter.of(actor(tom)), NOW).block())
                .isFalse();
        assertThat(notifications.markRead(general.id(), tom.id(), CaseFilter.of(actor(tom)), NOW).block()).isTrue();
        assertThat(notifications.find(tom.id(), CaseFilter.of(actor(tom)), true, Optional.empty(), 50)
                .map(Notification::id).collectList().block()).containsExactly(aboutOpen.id());
        // nobody else reads tom's notifications
        User other = user("other", Role.PARTNER);
        assertThat(notifications.markRead(aboutOpen.id(), other.id(), CaseFilter.of(actor(other)), NOW).block())
                .isFalse();
    }

    @Test
    void notificationsPageAndCountOnlyWhatTheRecipientMaySee() {
        User sarah = user("sarah", Role.PARALEGAL);
        LegalCase walled = newCase();
        for (String title : List.of("Bravo", "alpha", "Charlie")) {
            notification(sarah, null, title);
        }
        notification(sarah, walled.id(), "Walled");
        teams.screen(walled.id(), sarah.id(), "conflict", NOW).block();
        CaseFilter visible = CaseFilter.of(actor(sarah));
        assertThat(notifications.count(sarah.id(), visible, false).block()).isEqualTo(3);
        assertThat(notifications.page(sarah.id(), visible, false, PageRequest.of(0, 2, "title"))
                .map(Notification::title).collectList().block()).containsExactly("alpha", "Bravo");
        assertThat(notifications.page(sarah.id(), visible, false, PageRequest.of(1, 2, "title"))
                .map(Notification::title).collectList().block()).containsExactly("Charlie");
        for (String sort : List.of("createdAt", "readAt,desc", "kind", "title,desc")) {
            assertThat(notifications.page(sarah.id(), visible, false, PageRequest.of(0, 5, sort)).collectList()
                    .block()).as(sort).hasSize(3);
        }
        Notification read = notifications.page(sarah.id(), visible, false, PageRequest.of(0, 1, null)).blockFirst();
        notifications.markRead(read.id(), sarah.id(), visible, NOW).block();
        assertThat(notifications.count(sarah.id(), visible, true).block()).isEqualTo(2);
        assertThat(notifications.page(sarah.id(), visible, true, PageRequest.of(0, 5, null)).map(Notification::id)
                .collectList().block()).hasSize(2).doesNotContain(read.id());
    }

    @Test
    void openDeadlinesDueInARangeAreWhatRemindersSee() {
        LegalCase c = newCase();
        DocketedDeadline soon = deadline(c, LocalDate.of(2033, 5, 2));
        DocketedDeadline done = deadline(c, LocalDate.of(2033, 5, 3));
        deadline(c, LocalDate.of(2033, 6, 30));
        deadlines.updateStatus(done.id(), DeadlineStatus.DONE, null, NOW).block();
        assertThat(deadlines.findOpenDue(LocalDate.of(2033, 5, 1), LocalDate.of(2033, 5, 15))
                .map(DocketedDeadline::id).collectList().block()).containsExactly(soon.id());
        assertThat(deadlines.findDeadline(done.id()).block().status()).isEqualTo(DeadlineStatus.DONE);
    }

    @Test
    void calendarFeedsAreFoundByTheirTokenHashUntilRevoked() {
        User owner = user("owner", Role.ASSOCIATE);
        CalendarFeedRepository.Row row = new CalendarFeedRepository.Row(UUID.randomUUID(), owner.id(), null, NOW);
        String hash = "a".repeat(63) + "b";
        feeds.insert(row, hash).block();
        assertThat(feeds.findByTokenHash(hash).block().id()).isEqualTo(row.id());
        assertThat(feeds.findByOwner(owner.id()).collectList().block()).hasSize(1);
        assertThat(feeds.revoke(row.id(), UserId.random(), NOW).block()).isFalse();
        assertThat(feeds.revoke(row.id(), owner.id(), NOW).block()).isTrue();
        assertThat(feeds.findByTokenHash(hash).blockOptional()).isEmpty();
        assertThat(feeds.findByOwner(owner.id()).collectList().block()).isEmpty();
    }
}
