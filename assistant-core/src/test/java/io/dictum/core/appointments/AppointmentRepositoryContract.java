package io.dictum.core.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.audit.AuditRecord;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.DatabaseContract;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.index.TestIndexes;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The appointments table and the service over it, written once and run on H2 and on PostgreSQL: what is stored reads
 * back the same, lists are sorted and filtered as the docket's are, and the service applies the case's access and
 * writes the audit trail.
 */
abstract class AppointmentRepositoryContract extends DatabaseContract {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    private CaseRepository cases;
    private ContactRepository contacts;
    private CaseTeamRepository teams;
    private AppointmentRepository appointments;
    private AppointmentService service;
    private AuditLog audit;
    private IndexService index;
    private Actor partner;
    private Actor associate;

    @BeforeAll
    void setUp() throws Exception {
        cases = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        teams = new CaseTeamRepository(db.client);
        appointments = new AppointmentRepository(db.client);
        index = TestIndexes.open(Files.createTempDirectory("dictum-appointments-index-"), db);
        Clock clock = Clock.systemUTC();
        audit = new AuditLog(db.client, db.tx, clock);
        UserRepository users = new UserRepository(db.client);
        CaseService caseService = new CaseService(cases, new PartyRepository(db.client), contacts,
                new IndexChangeLog(db.client), index, db.tx, clock, audit, teams, users,
                new FirmCalendar(clock, ZoneId.of("America/New_York")));
        service = new AppointmentService(appointments, caseService, audit, db.tx, clock);
        partner = user("apartner", Role.PARTNER);
        associate = user("aassociate", Role.ASSOCIATE);
    }

    @AfterAll
    void closeIndex() throws Exception {
        if (index != null) { // null when the database was skipped (PostgreSQL without a URL)
            index.destroy();
        }
    }

    private Actor user(String username, Role role) {
        UserId id = UserId.random();
        db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                        + " VALUES (:id, :username, 'x', :role, :name, :at)")
                .bind("id", id.value()).bind("username", username).bind("role", role.id())
                .bind("name", username).bind("at", NOW).then().block();
        return new Actor(id, username, role, Optional.empty());
    }

    private LegalCase newCase(String number) {
        Contact client = new Contact(ContactId.random(), "Client " + number, ContactKind.PERSON, List.of(), null,
                null);
        contacts.insert(client, NOW).block();
        LegalCase c = new LegalCase(CaseId.random(), number, "Case " + number, new MatterType("employment"),
                CaseStatus.OPEN, client.id(), null, LocalDate.of(2026, 1, 5), null, null, NOW, NOW);
        cases.insert(c).block();
        return c;
    }

    private Appointment stored(LegalCase c, String title, LocalDate date, LocalTime time) {
        Appointment a = new Appointment(UUID.randomUUID(), c.id(), null, title, date, time, null, null,
                partner.userId(), NOW);
        appointments.insert(a).block();
        return a;
    }

    private static CaseFilter visibleTo(Actor actor) {
        return CaseFilter.of(actor);
    }

    private static Actor clientOf(LegalCase c) {
        return new Actor(UserId.random(), "client", Role.CLIENT, Optional.of(c.clientId()));
    }

    @Test
    void anAppointmentReadsBackAsStoredWithAndWithoutItsOptionalParts() {
        LegalCase c = newCase("A-RT-1");
        Appointment full = new Appointment(UUID.randomUUID(), c.id(), null, "Deposition of Officer Boyle", DAY,
                LocalTime.of(13, 30), 150, "Court reporter's office, 5th floor", partner.userId(), NOW);
        appointments.insert(full).block();
        Appointment allDay = stored(c, "Mediation", DAY.plusDays(1), null);

        Appointment read = appointments.findById(full.id()).block();
        assertThat(read).isEqualTo(new Appointment(full.id(), c.id(), "A-RT-1", full.title(), DAY,
                LocalTime.of(13, 30), 150, full.location(), partner.userId(), read.createdAt()));
        assertThat(read.createdAt().toInstant()).isEqualTo(NOW.toInstant());
        Appointment plain = appointments.findById(allDay.id()).block();
        assertThat(plain.time()).isNull();
        assertThat(plain.durationMinutes()).isNull();
        assertThat(plain.location()).isNull();
        assertThat(appointments.findById(UUID.randomUUID()).blockOptional()).isEmpty();
    }

    @Test
    void aListIsByDateThenAllDayThenTimeWithinAnInclusiveRange() {
        LegalCase a = newCase("A-LIST-A");
        LegalCase b = newCase("A-LIST-B");
        stored(a, "afternoon", DAY, LocalTime.of(14, 0));
        stored(a, "all day", DAY, null);
        stored(a, "morning", DAY, LocalTime.of(9, 15));
        stored(a, "next day", DAY.plusDays(1), LocalTime.of(8, 0));
        stored(a, "day before", DAY.minusDays(1), LocalTime.of(18, 0));
        stored(b, "other case", DAY, LocalTime.of(10, 0));

        Optional<CaseId> ofA = Optional.of(a.id());
        assertThat(appointments.find(ofA, visibleTo(partner), Optional.empty(), Optional.empty(), 100)
                .map(Appointment::title).collectList().block())
                .containsExactly("day before", "all day", "morning", "afternoon", "next day");
        assertThat(appointments.find(ofA, visibleTo(partner), Optional.of(DAY), Optional.of(DAY), 100)
                .map(Appointment::title).collectList().block())
                .containsExactly("all day", "morning", "afternoon");
        assertThat(appointments.find(Optional.empty(), visibleTo(partner), Optional.of(DAY), Optional.of(DAY), 100)
                .map(Appointment::title).collectList().block())
                .contains("other case", "morning").doesNotContain("next day", "day before");
        assertThat(appointments.find(ofA, visibleTo(partner), Optional.empty(), Optional.empty(), 2)
                .collectList().block()).hasSize(2);
        assertThat(appointments.find(Optional.empty(), visibleTo(clientOf(b)), Optional.empty(), Optional.empty(),
                100).map(Appointment::title).collectList().block()).containsExactly("other case");
    }

    @Test
    void aPageIsOrderedAsAskedAndTheCountIsWhatTheFilterSelects() {
        LegalCase a = newCase("A-PAGE-A");
        Appointment first = stored(a, "Beta", DAY, LocalTime.of(9, 0));
        Appointment second = stored(a, "Alpha", DAY, LocalTime.of(11, 0));
        Appointment third = stored(a, "Gamma", DAY.plusDays(2), null);
        Optional<CaseId> ofA = Optional.of(a.id());
        assertThat(appointments.page(ofA, visibleTo(partner), Optional.empty(), Optional.empty(),
                PageRequest.of(0, 2, null)).map(Appointment::id).collectList().block())
                .containsExactly(first.id(), second.id());
        assertThat(appointments.page(ofA, visibleTo(partner), Optional.empty(), Optional.empty(),
                PageRequest.of(1, 2, null)).map(Appointment::id).collectList().block())
                .containsExactly(third.id());
        assertThat(appointments.page(ofA, visibleTo(partner), Optional.empty(), Optional.empty(),
                PageRequest.of(0, 5, "title")).map(Appointment::title).collectList().block())
                .containsExactly("Alpha", "Beta", "Gamma");
        assertThat(appointments.count(ofA, visibleTo(partner), Optional.of(DAY.plusDays(1)), Optional.empty())
                .block()).isEqualTo(1);
        assertThatThrownBy(() -> appointments.page(ofA, visibleTo(partner), Optional.empty(), Optional.empty(),
                PageRequest.of(0, 5, "location")).collectList().block()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theServiceStoresWhatItReturnsAndAuditsCreateAndDelete() {
        LegalCase c = newCase("A-SVC-1");
        Appointment made = service.create(partner, c.id(), new NewAppointment("  Mediation ", "2026-12-10",
                "13:30", 180, "JAMS, 71 S. Wacker Dr.")).block();
        assertThat(made.title()).isEqualTo("Mediation");
        assertThat(made.caseNumber()).isEqualTo("A-SVC-1");
        assertThat(made.time()).isEqualTo(LocalTime.of(13, 30));
        assertThat(made.createdBy()).isEqualTo(partner.userId());
        assertThat(appointments.findById(made.id()).block()).isEqualTo(made);
        assertThat(service.list(associate, Optional.of(c.id()), "2026-12-10", "2026-12-10").collectList().block())
                .containsExactly(made);

        Appointment allDay = service.create(associate, c.id(), new NewAppointment("Client meeting", "2026-12-11",
                " ", null, "")).block();
        assertThat(allDay.time()).isNull();
        assertThat(allDay.location()).isNull();

        service.delete(associate, made.id()).block();
        assertThat(appointments.findById(made.id()).blockOptional()).isEmpty();
        assertThat(service.list(partner, Optional.of(c.id()), null, null).collectList().block())
                .containsExactly(allDay);
        List<AuditRecord> trail = audit.forCase(c.id(), 10).collectList().block();
        assertThat(trail).extracting(AuditRecord::action)
                .containsExactly("appointment.delete", "appointment.create", "appointment.create");
        assertThat(trail.get(0).actorName()).isEqualTo("aassociate");
        assertThat(trail.get(0).entityId()).isEqualTo(made.id().toString());
        assertThat(trail.get(2).details()).isEqualTo("Mediation on 2026-12-10 at 13:30, 180 min,"
                + " JAMS, 71 S. Wacker Dr.");
        assertThat(audit.verify().block().valid()).isTrue();
    }

    @Test
    void aScreenedUserAndAClientAreRefusedAsOnTheDocket() {
        LegalCase walled = newCase("A-WALL-1");
        Actor screened = user("ascreened-" + UUID.randomUUID().toString().substring(0, 6), Role.ASSOCIATE);
        teams.screen(walled.id(), screened.userId(), "former employer", NOW).block();
        Appointment a = service.create(partner, walled.id(), new NewAppointment("Status conference", "2026-12-14",
                "09:00", null, null)).block();

        assertThatThrownBy(() -> service.create(screened, walled.id(), new NewAppointment("Mediation",
                "2026-12-10", null, null, null)).block()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.list(screened, Optional.of(walled.id()), null, null).collectList().block())
                .isInstanceOf(NotFoundException.class);
        assertThat(service.list(screened, Optional.empty(), null, null).map(Appointment::id).collectList().block())
                .doesNotContain(a.id());
        assertThatThrownBy(() -> service.delete(screened, a.id()).block()).isInstanceOf(NotFoundException.class);
        assertThat(appointments.findById(a.id()).blockOptional()).isPresent();

        Actor client = clientOf(walled);
        assertThatThrownBy(() -> service.create(client, walled.id(), new NewAppointment("Mediation", "2026-12-10",
                null, null, null)).block()).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.list(client, Optional.of(walled.id()), null, null).collectList().block())
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.delete(client, a.id()).block()).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.create(partner, CaseId.random(), new NewAppointment("Mediation",
                "2026-12-10", null, null, null)).block()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(partner, UUID.randomUUID()).block())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedWithWhatToSendAndNothingIsStored() {
        LegalCase c = newCase("A-BAD-1");
        record Bad(NewAppointment request, String says) {
        }
        List<Bad> bad = List.of(
                new Bad(null, "Send {title, date"),
                new Bad(new NewAppointment(" ", "2026-12-10", null, null, null), "title is required"),
                new Bad(new NewAppointment("x".repeat(201), "2026-12-10", null, null, null), "at most 200"),
                new Bad(new NewAppointment("Mediation", null, null, null, null), "date is required"),
                new Bad(new NewAppointment("Mediation", "2026-02-30", null, null, null), "yyyy-mm-dd"),
                new Bad(new NewAppointment("Mediation", "12/10/2026", null, null, null), "yyyy-mm-dd"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", "1:30 pm", null, null), "HH:mm"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", "25:00", null, null), "HH:mm"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", "13:30", -30, null), "from 1 to 1440"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", "13:30", 0, null), "from 1 to 1440"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", "13:30", 100_000, null), "from 1 to 1440"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", null, 60, null), "needs a time"),
                new Bad(new NewAppointment("Mediation", "2026-12-10", null, null, "y".repeat(301)), "at most 300"));
        for (Bad b : bad) {
            assertThatThrownBy(() -> service.create(partner, c.id(), b.request()).block()).as("%s", b.request())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(b.says());
        }
        assertThatThrownBy(() -> service.list(partner, Optional.empty(), "2026-12-10", "2026-12-01").collectList()
                .block()).isInstanceOf(InvalidInputException.class).hasMessageContaining("after");
        assertThat(service.list(partner, Optional.of(c.id()), null, null).collectList().block()).isEmpty();
    }
}
