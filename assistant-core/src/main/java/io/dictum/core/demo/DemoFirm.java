package io.dictum.core.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.appointments.AppointmentService;
import io.dictum.core.appointments.NewAppointment;
import io.dictum.core.billing.NewRate;
import io.dictum.core.billing.NewTimeEntry;
import io.dictum.core.billing.RateService;
import io.dictum.core.billing.TimeEntryService;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.cases.Party;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.deadlines.DocketRequest;
import io.dictum.core.deadlines.DocketService;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.tasks.NewTask;
import io.dictum.core.tasks.TaskService;
import io.dictum.core.users.NewUser;
import io.dictum.core.users.Role;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.users.User;
import io.dictum.core.users.UserRepository;
import io.dictum.core.users.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo firm of {@code demo-firm.yaml} into an empty database. Its docket, calendar, tasks and time are dated
 * relative to the day it is loaded (the application's clock, in the firm's time zone), so a fresh demo always looks
 * current; they go through the same services as the API ({@link DocketService}, {@link AppointmentService},
 * {@link TaskService}, {@link TimeEntryService}), so the deadlines come from the court rules and the audit trail reads
 * as if the demo users had entered them.
 */
@Component
public class DemoFirm {

    private static final Logger log = LoggerFactory.getLogger(DemoFirm.class);

    record Data(String password, List<DemoUser> users, List<DemoContact> contacts, List<DemoCase> cases,
                List<DemoDocument> documents, List<DemoEvent> events, List<DemoAppointment> appointments,
                List<DemoTask> tasks, List<DemoRate> rates, List<DemoTime> time) {
        Data {
            documents = documents == null ? List.of() : documents;
            events = events == null ? List.of() : events;
            appointments = appointments == null ? List.of() : appointments;
            tasks = tasks == null ? List.of() : tasks;
            rates = rates == null ? List.of() : rates;
            time = time == null ? List.of() : time;
        }
    }

    record DemoUser(String username, String role, String displayName, String contact) {
    }

    record DemoContact(String name, String kind, List<String> aliases, String email, String phone) {
    }

    record DemoParty(String name, String role) {
    }

    record DemoCase(String number, String title, String matterType, String client, String court, LocalDate openedOn,
                    String status, LocalDate closedOn, List<DemoParty> parties) {
    }

    record DemoDocument(String caseNumber, String name, String kind, String filename, String text) {
    }

    /** A trigger event docketed by a demo user; its date is daysAgo or inDays from the load day (today when neither). */
    record DemoEvent(String caseNumber, String trigger, Integer daysAgo, Integer inDays, String serviceMethod,
                     String ruleSet, String by) {
    }

    /**
     * An appointment a demo user put on a case's calendar, daysAgo or inDays from the load day (today when neither), at
     * time (HH:mm; all day when absent).
     */
    record DemoAppointment(String caseNumber, String title, Integer daysAgo, Integer inDays, String time,
                           Integer durationMinutes, String location, String by) {
    }

    /** A task; due daysAgo or inDays from the load day, or undated when neither is given. */
    record DemoTask(String description, String assignee, String caseNumber, Integer daysAgo, Integer inDays,
                    LocalTime dueTime, String by) {
    }

    /** An hourly rate for a demo user (or everybody when user is absent), set by a partner. */
    record DemoRate(String user, BigDecimal hourlyRate, String by) {
    }

    /** Time a demo user recorded daysAgo days before the load day (today when absent). */
    record DemoTime(String caseNumber, String user, Integer daysAgo, Integer minutes, String description,
                    Boolean billable, String taskCode, String activityCode) {
    }

    private final UserService users;
    private final ContactRepository contacts;
    private final CaseRepository cases;
    private final PartyRepository parties;
    private final IndexChangeLog changes;
    private final DocumentService documents;
    private final TransactionalOperator tx;
    private final UserRepository userRows;
    private final DocketService docket;
    private final AppointmentService appointments;
    private final TaskService tasks;
    private final TimeEntryService time;
    private final RateService rates;
    private final Clock clock;
    private final FirmCalendar calendar;

    public DemoFirm(UserService users, ContactRepository contacts, CaseRepository cases, PartyRepository parties,
                    IndexChangeLog changes, DocumentService documents, TransactionalOperator tx,
                    UserRepository userRows, DocketService docket, AppointmentService appointments,
                    TaskService tasks, TimeEntryService time,
                    RateService rates, Clock clock, FirmCalendar calendar) {
        this.users = users;
        this.contacts = contacts;
        this.cases = cases;
        this.parties = parties;
        this.changes = changes;
        this.documents = documents;
        this.tx = tx;
        this.userRows = userRows;
        this.docket = docket;
        this.appointments = appointments;
        this.tasks = tasks;
        this.time = time;
        this.rates = rates;
        this.clock = clock;
        this.calendar = calendar;
    }

    static Data read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = DemoFirm.class.getResourceAsStream("demo-firm.yaml")) {
            return yaml.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled demo firm cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loads the demo firm when the database holds no case yet; a second start changes nothing. */
    public Mono<Void> loadIfEmpty() {
        return cases.count().flatMap(n -> n > 0 ? Mono.<Void>empty() : load(read()));
    }

    private Mono<Void> load(Data data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = calendar.today();
        log.info("Loading the demo firm: {} users, {} contacts, {} cases, {} documents, {} docketed events,"
                        + " {} appointments, {} tasks, {} time entries, dated from {}", data.users().size(),
                data.contacts().size(), data.cases().size(), data.documents().size(), data.events().size(),
                data.appointments().size(), data.tasks().size(), data.time().size(), today);
        Map<String, ContactId> contactIds = new HashMap<>();
        Map<String, CaseId> caseIds = new HashMap<>();
        Mono<Void> contactsAndCases = Flux.fromIterable(data.contacts()).concatMap(c -> {
            Contact contact = new Contact(ContactId.random(), c.name(), ContactKind.fromId(c.kind()),
                    c.aliases() == null ? List.of() : c.aliases(), c.email(), c.phone());
            contactIds.put(c.name(), contact.id());
            return contacts.insert(contact, now)
                    .then(changes.append(IndexChangeLog.Kind.CONTACT, contact.id().value()));
        }).thenMany(Flux.fromIterable(data.cases()).concatMap(c -> {
            LegalCase legalCase = new LegalCase(CaseId.random(), c.number(), c.title(), new MatterType(c.matterType()),
                    c.status() == null ? CaseStatus.OPEN : CaseStatus.fromId(c.status()), contact(contactIds, c.client()),
                    c.court(), c.openedOn(), c.closedOn(), null, now, now);
            caseIds.put(c.number(), legalCase.id());
            Flux<Party> all = Flux.concat(Flux.just(new Party(legalCase.id(), legalCase.clientId(), c.client(),
                    PartyRole.CLIENT)), Flux.fromIterable(c.parties() == null ? List.of() : c.parties())
                    .map(p -> new Party(legalCase.id(), contact(contactIds, p.name()), p.name(),
                            PartyRole.fromId(p.role()))));
            return cases.insert(legalCase)
                    .thenMany(all.concatMap(p -> parties.insert(p, now)))
                    .then(changes.append(IndexChangeLog.Kind.CASE, legalCase.id().value()));
        })).then().as(tx::transactional);

        Mono<Void> logins = Flux.fromIterable(data.users()).concatMap(u -> users.create(new NewUser(u.username(),
                        data.password(), Role.fromId(u.role()), u.displayName(),
                        u.contact() == null ? null : contact(contactIds, u.contact())))
                .onErrorResume(ConflictException.class, e -> {
                    log.info("Demo user '{}' exists already; kept as it is", u.username());
                    return Mono.empty();
                })).then();

        // The demo's documents are added by the system itself, not by a user.
        Actor system = new Actor(null, "demo-loader", Role.ADMIN, Optional.empty());
        Mono<Void> docs = Flux.fromIterable(data.documents()).concatMap(d -> documents.add(system,
                caseIds.get(d.caseNumber()), d.name(), d.kind(), d.filename(), d.text().getBytes(StandardCharsets.UTF_8)))
                .then();

        // The docket, the calendar, the tasks and the time are entered by the demo users themselves, through the
        // services the API uses.
        Mono<Void> work = userRows.findAll().collectMap(User::username).flatMap(byName -> {
            Mono<Void> events = Flux.fromIterable(data.events()).concatMap(e -> docket.docket(
                    actor(byName, e.by(), "event on " + e.caseNumber()), caseId(caseIds, e.caseNumber()),
                    new DocketRequest(e.trigger(), dated(today, e.daysAgo(), e.inDays()).toString(),
                            e.serviceMethod(), e.ruleSet()))).then();
            Mono<Void> calendar = Flux.fromIterable(data.appointments()).concatMap(a -> appointments.create(
                    actor(byName, a.by(), "appointment on " + a.caseNumber()), caseId(caseIds, a.caseNumber()),
                    new NewAppointment(a.title(), dated(today, a.daysAgo(), a.inDays()).toString(), a.time(),
                            a.durationMinutes(), a.location()))).then();
            Mono<Void> todo = Flux.fromIterable(data.tasks()).concatMap(t -> {
                LocalDate due = day(today, t.daysAgo(), t.inDays(), null);
                return tasks.create(actor(byName, t.by() == null ? t.assignee() : t.by(), "task " + t.description()),
                        new NewTask(t.description(), user(byName, t.assignee(), "task " + t.description()).id()
                                .toString(), t.caseNumber() == null ? null
                                : caseId(caseIds, t.caseNumber()).value().toString(), due, t.dueTime()));
            }).then();
            Mono<Void> rated = Flux.fromIterable(data.rates()).concatMap(r -> rates.set(
                    actor(byName, r.by(), "a rate"), new NewRate(r.user() == null ? null
                            : user(byName, r.user(), "a rate").id().toString(), null, null, r.hourlyRate()))).then();
            Mono<Void> hours = Flux.fromIterable(data.time()).concatMap(t -> time.record(
                    actor(byName, t.user(), "time on " + t.caseNumber()), new NewTimeEntry(caseId(caseIds,
                            t.caseNumber()), day(today, t.daysAgo(), null, today), t.minutes(), t.description(),
                            t.billable(), t.taskCode(), t.activityCode()))).then();
            return events.then(calendar).then(todo).then(rated).then(hours);
        });

        return contactsAndCases.then(logins).then(docs).then(work)
                .doOnSuccess(v -> log.info("Demo firm loaded. Sign in as ahale / {} (README lists every login)",
                        data.password()));
    }

    /**
     * The day of an event or an appointment: a hearing or a meeting still to come is on a working day, so one that
     * falls on a weekend moves to the Monday.
     */
    static LocalDate dated(LocalDate today, Integer daysAgo, Integer inDays) {
        LocalDate day = day(today, daysAgo, inDays, today);
        if (inDays == null) {
            return day;
        }
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** The day daysAgo before or inDays after today; {@code otherwise} when neither is given. */
    static LocalDate day(LocalDate today, Integer daysAgo, Integer inDays, LocalDate otherwise) {
        if (daysAgo != null && inDays != null) {
            throw new IllegalStateException("demo-firm.yaml gives both daysAgo " + daysAgo + " and inDays " + inDays
                    + " for one date; give one of them");
        }
        return daysAgo != null ? today.minusDays(daysAgo) : inDays != null ? today.plusDays(inDays) : otherwise;
    }

    private static User user(Map<String, User> users, String username, String what) {
        User user = users.get(username);
        if (user == null) {
            throw new IllegalStateException("demo-firm.yaml names user '" + username + "' for " + what
                    + " but lists no such user");
        }
        return user;
    }

    private static Actor actor(Map<String, User> users, String username, String what) {
        return NotificationService.actorOf(user(users, username, what));
    }

    private static CaseId caseId(Map<String, CaseId> ids, String number) {
        CaseId id = ids.get(number);
        if (id == null) {
            throw new IllegalStateException("demo-firm.yaml names case '" + number + "' that it does not list");
        }
        return id;
    }

    private static ContactId contact(Map<String, ContactId> ids, String name) {
        ContactId id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("demo-firm.yaml names contact '" + name + "' that it does not list");
        }
        return id;
    }
}
