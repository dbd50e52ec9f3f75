package io.dictum.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.CoreConfiguration;
import io.dictum.core.access.Actor;
import io.dictum.core.appointments.Appointment;
import io.dictum.core.appointments.AppointmentService;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.audit.AuditRecord;
import io.dictum.core.billing.RateService;
import io.dictum.core.billing.ResolvedRate;
import io.dictum.core.billing.TimeEntry;
import io.dictum.core.billing.TimeEntryService;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.deadlines.ComputeRequest;
import io.dictum.core.deadlines.ComputedDeadline;
import io.dictum.core.deadlines.DeadlineService;
import io.dictum.core.deadlines.DeadlineStatus;
import io.dictum.core.deadlines.DocketService;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.deadlines.RuleSetLibrary;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.tasks.Task;
import io.dictum.core.tasks.TaskService;
import io.dictum.core.tasks.TaskStatus;
import io.dictum.core.testing.AdjustableClock;
import io.dictum.core.users.User;
import io.dictum.core.users.UserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The demo firm as loaded: its docket comes from the court rules, its tasks and time are there, all dated from the
 * load day of the application's clock (fixed here at Friday 27 November 2026, 10:00 in New York, so the dates are
 * exact), and a second start changes nothing.
 */
class DemoFirmTest {

    private static final ZoneId FIRM_ZONE = ZoneId.of("America/New_York");
    private static final Instant LOADED = Instant.parse("2026-11-27T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    // not a @Configuration: the core's component scan would find it and give every other test this clock too
    @EnableAutoConfiguration
    @Import(CoreConfiguration.class)
    static class App {
        @Bean
        @Primary
        Clock demoTestClock() {
            return AdjustableClock.at(LOADED);
        }
    }

    private static ConfigurableApplicationContext context;
    private static Map<String, User> users;
    private static Map<String, LegalCase> cases;

    @BeforeAll
    static void start() throws IOException {
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "dictum.data-dir=" + Files.createTempDirectory("dictum-demo-"), "dictum.demo=true",
                "dictum.time-zone=" + FIRM_ZONE, "spring.flyway.enabled=false",
                "spring.main.banner-mode=off", "logging.level.root=warn").run();
        users = context.getBean(UserRepository.class).findAll().collectMap(User::username).block();
        cases = context.getBean(CaseRepository.class).findAll().collectMap(LegalCase::number).block();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static Actor actor(String username) {
        return NotificationService.actorOf(users.get(username));
    }

    private static List<DocketedDeadline> openDeadlines(LocalDate from, LocalDate to) {
        return context.getBean(DocketService.class).list(actor("ahale"), Optional.empty(), from.toString(),
                to.toString(), Optional.of(DeadlineStatus.OPEN)).collectList().block();
    }

    @Test
    void theDocketIsWhatTheCourtRulesComputeFromTheLoadDay() {
        DemoFirm.Data data = DemoFirm.read();
        DeadlineService rules = context.getBean(DeadlineService.class);
        List<DocketedDeadline> all = openDeadlines(TODAY.minusYears(1), TODAY.plusYears(1));
        List<String> expected = new ArrayList<>();
        for (DemoFirm.DemoEvent e : data.events()) {
            LocalDate trigger = DemoFirm.day(TODAY, e.daysAgo(), e.inDays(), TODAY);
            for (ComputedDeadline d : rules.compute(new ComputeRequest(e.ruleSet() == null ? "FRCP" : e.ruleSet(),
                    e.trigger(), trigger.toString(), e.serviceMethod())).deadlines()) {
                expected.add(e.caseNumber() + " " + d.rule() + " " + d.dueDate());
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(data.events().size());
        assertThat(all.stream().map(d -> d.caseNumber() + " " + d.rule() + " " + d.dueDate()))
                .containsExactlyInAnyOrderElementsOf(expected);

        // on this Friday: the Kowalczyk initial disclosures are due today, the Miller motion and notice of hearing
        // must be served on Tuesday (14 days before the hearing in 18), the Delgado answer is due in 16 days
        assertThat(openDeadlines(TODAY, TODAY.plusDays(7)).stream().map(d -> d.caseNumber() + " " + d.rule() + " "
                + d.dueDate())).contains("2025-E-0011 initial_disclosures 2026-11-27",
                "2025-PI-0012 motion_served_before_hearing 2026-12-01");
        assertThat(all.stream().map(d -> d.caseNumber() + " " + d.rule() + " " + d.dueDate()))
                .contains("2026-PI-0004 answer 2026-12-14");
        // "this week" (Monday to Sunday) holds one
        assertThat(openDeadlines(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29))).isNotEmpty();

        // docketed by the demo users, in the audit trail as theirs
        AuditLog audit = context.getBean(AuditLog.class);
        List<AuditRecord> miller = audit.forCase(cases.get("2025-PI-0012").id(), 100).collectList().block();
        assertThat(miller).filteredOn(r -> r.action().equals("event.docket")).extracting(AuditRecord::actorName)
                .containsOnly("sarah").hasSize(2);
    }

    /** Whatever the load day, the court rules put one of the demo's deadlines within the next seven days. */
    @Test
    void everyLoadDayOfTheYearHasADeadlineWithinSevenDays() {
        DemoFirm.Data data = DemoFirm.read();
        DeadlineService rules = new DeadlineService(RuleSetLibrary.builtIn());
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2028, 1, 1));
             day = day.plusDays(1)) {
            LocalDate today = day;
            List<LocalDate> due = data.events().stream().flatMap(e -> rules.compute(new ComputeRequest(
                    e.ruleSet() == null ? "FRCP" : e.ruleSet(), e.trigger(), DemoFirm.day(today, e.daysAgo(),
                    e.inDays(), today).toString(), e.serviceMethod())).deadlines().stream())
                    .map(ComputedDeadline::dueDate).toList();
            assertThat(due).as("deadlines of a demo loaded on %s", today)
                    .anyMatch(d -> !d.isBefore(today) && !d.isAfter(today.plusDays(7)));
        }
    }

    @Test
    void theCalendarHoldsTheDemoAppointmentsDatedFromTheLoadDayAndEnteredByTheirUsers() {
        List<Appointment> all = context.getBean(AppointmentService.class).list(actor("ahale"), Optional.empty(),
                null, null).collectList().block();
        assertThat(all).extracting(a -> a.caseNumber() + " " + a.title() + " " + a.date() + " " + a.time())
                .containsExactly("2025-E-0011 Mediation 2026-11-30 13:30",
                        // eight days on is a Saturday: a meeting still to come is on the Monday
                        "2025-PI-0012 Deposition of Officer Boyle 2026-12-07 10:00",
                        "2025-PI-0012 Motion hearing 2026-12-15 10:00");
        assertThat(all.get(0).durationMinutes()).isEqualTo(240);
        assertThat(all.get(0).location()).startsWith("JAMS Chicago");
        assertThat(all.get(0).createdBy()).isEqualTo(users.get("mortiz").id());
        // the motion hearing on the calendar is the one the docket counts backward from
        assertThat(openDeadlines(TODAY, TODAY.plusYears(1))).anyMatch(d -> d.caseNumber().equals("2025-PI-0012")
                && d.rule().equals("motion_served_before_hearing"));
        AuditLog audit = context.getBean(AuditLog.class);
        assertThat(audit.forCase(cases.get("2025-PI-0012").id(), 100).collectList().block())
                .filteredOn(r -> r.action().equals("appointment.create")).extracting(AuditRecord::actorName)
                .containsExactlyInAnyOrder("bking", "sarah");
    }

    @Test
    void ahaleHasOpenTasksAndTheOthersTheirs() {
        TaskService tasks = context.getBean(TaskService.class);
        List<Task> mine = tasks.list(actor("ahale"), Optional.of(users.get("ahale").id()), Optional.empty(),
                Optional.of(TaskStatus.OPEN), PageRequest.of(0, 200, null)).block().items();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(2);
        assertThat(mine).extracting(Task::dueOn).contains(TODAY.plusDays(1), TODAY.plusDays(9));
        assertThat(mine).anyMatch(t -> t.description().contains("Call Sarah Miller")
                && t.caseId().equals(cases.get("2025-PI-0012").id())
                && t.createdBy().equals(users.get("sarah").id()));
        for (String other : List.of("bking", "sarah")) {
            assertThat(tasks.list(actor(other), Optional.of(users.get(other).id()), Optional.empty(),
                    Optional.of(TaskStatus.OPEN), PageRequest.of(0, 200, null)).block().items())
                    .as(other).isNotEmpty().allMatch(t -> t.dueOn() != null && !t.dueOn().isBefore(TODAY));
        }
    }

    @Test
    void ahaleAndBkingHaveRecordedTimeOnSeveralCases() {
        TimeEntryService time = context.getBean(TimeEntryService.class);
        List<TimeEntry> entries = time.list(actor("ahale"), Optional.empty(), Optional.empty(), null, null, false,
                PageRequest.of(0, 200, null)).block().items();
        Map<String, User> byId = users.values().stream().collect(Collectors.toMap(u -> u.id().toString(),
                Function.identity()));
        assertThat(entries).extracting(e -> byId.get(e.userId().toString()).username())
                .contains("ahale", "bking").containsOnly("ahale", "bking");
        assertThat(entries.stream().map(TimeEntry::caseId).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries).allMatch(e -> !e.date().isAfter(TODAY) && !e.date().isBefore(TODAY.minusDays(14)));
        assertThat(entries).extracting(TimeEntry::date).contains(TODAY, TODAY.minusDays(5));
        assertThat(entries).anyMatch(e -> !e.billable()).anyMatch(TimeEntry::billable);

        // they have hourly rates, so what the time is worth can be told and invoiced
        RateService rates = context.getBean(RateService.class);
        for (String timekeeper : List.of("ahale", "bking")) {
            ResolvedRate rate = rates.resolve(actor("ahale"), users.get(timekeeper).id(),
                    cases.get("2025-PI-0012").id()).block();
            assertThat(rate).as(timekeeper).isNotNull();
            assertThat(rate.hourlyRate()).as(timekeeper).isPositive();
        }
    }

    @Test
    void noDemoUserHasAnEmailAddressSoRemindersStayInTheApp() {
        UserRepository rows = context.getBean(UserRepository.class);
        for (User u : users.values()) {
            assertThat(rows.findEmail(u.id()).block()).as(u.username()).isEmpty();
        }
    }

    @Test
    void aSecondLoadChangesNothing() {
        long before = openDeadlines(TODAY.minusYears(1), TODAY.plusYears(1)).size();
        context.getBean(DemoFirm.class).loadIfEmpty().block();
        assertThat(openDeadlines(TODAY.minusYears(1), TODAY.plusYears(1))).hasSize((int) before);
        assertThat(context.getBean(CaseRepository.class).count().block()).isEqualTo((long) cases.size());
    }
}
