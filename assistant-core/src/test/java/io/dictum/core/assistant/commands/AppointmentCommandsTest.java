package io.dictum.core.assistant.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.access.Actor;
import io.dictum.core.appointments.Appointment;
import io.dictum.core.appointments.AppointmentService;
import io.dictum.core.assistant.Assistant;
import io.dictum.core.assistant.CommandRequest;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandStatus;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.deadlines.DocketService;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.testing.EveningInNewYork;
import io.dictum.core.users.UserRepository;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Appointments by voice, through the assistant as the web application calls it, on the demo firm of a Friday evening
 * in New York (27 November 2026): what is said is stored, and read back with the deadlines.
 */
class AppointmentCommandsTest {

    private static CommandResult say(Actor actor, String text, Optional<CaseId> openCase, String referenceTime) {
        return EveningInNewYork.bean(Assistant.class).execute(actor, new CommandRequest(text, openCase,
                Optional.ofNullable(referenceTime).map(OffsetDateTime::parse))).block();
    }

    private static Actor user(String username) {
        return NotificationService.actorOf(EveningInNewYork.bean(UserRepository.class).findAll()
                .filter(u -> u.username().equals(username)).blockFirst());
    }

    private static List<Appointment> calendar(Actor actor, CaseId caseId, String from, String to) {
        return EveningInNewYork.bean(AppointmentService.class).list(actor, Optional.of(caseId), from, to)
                .collectList().block();
    }

    private static LegalCase kowalczyk(Actor actor) {
        return EveningInNewYork.bean(CaseService.class).list(actor, Optional.empty(), 0, 200)
                .filter(c -> c.number().equals("2025-E-0011")).blockFirst();
    }

    @Test
    void aMediationSaidWithItsCaseDateAndTimeIsOnTheCalendarAndReadBackWithTheWeek() {
        Actor partner = EveningInNewYork.partner();
        LegalCase kowalczyk = kowalczyk(partner);

        CommandResult scheduled = say(partner, "schedule a mediation in Kowalczyk on December 10 at 1:30 pm",
                Optional.empty(), null);

        assertThat(scheduled.status()).as(scheduled.message()).isEqualTo(CommandStatus.DONE);
        assertThat(scheduled.message()).isEqualTo("Scheduled mediation on Thursday, December 10, 2026 at 1:30 PM in"
                + " Kowalczyk v. Northside Logistics.");
        assertThat(calendar(partner, kowalczyk.id(), "2026-12-10", "2026-12-10")).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Mediation"); // as the calendar shows it
            assertThat(a.time()).isEqualTo(LocalTime.of(13, 30));
            assertThat(a.createdBy()).isEqualTo(partner.userId());
        });

        // Monday 7 December: the week holds the mediation, read back after the deadlines
        CommandResult week = say(partner, "what's due this week", Optional.empty(), "2026-12-07T09:00:00-05:00");
        assertThat(week.status()).isEqualTo(CommandStatus.DONE);
        assertThat(week.message()).contains(" Appointments: ")
                .contains("Mediation, Thursday, December 10, 2026 at 1:30 PM, 2025-E-0011");
        assertThat(((DeadlineCommands.Deadlines) week.result()).appointments()).extracting(Appointment::title)
                .contains("Mediation");
    }

    @Test
    void anAppointmentWithoutACaseOrADateIsAskedAboutAndNothingIsStored() {
        Actor staff = user("tom");
        CommandResult noCase = say(staff, "schedule a deposition on December 11 at 10 am", Optional.empty(), null);
        assertThat(noCase.status()).isEqualTo(CommandStatus.NEEDS_CLARIFICATION);
        assertThat(noCase.message()).isEqualTo("In which case is the deposition? Open the case first or name it.");

        LegalCase c = EveningInNewYork.bean(CaseService.class).create(EveningInNewYork.partner(), new NewCase(null,
                "Undated v. Deposition", "contract", null, "Undated Deposition LLC", null, null, null)).block();
        CommandResult noDate = say(staff, "schedule a deposition", Optional.of(c.id()), null);
        assertThat(noDate.status()).isEqualTo(CommandStatus.NEEDS_CLARIFICATION);
        assertThat(noDate.message()).startsWith("On what date is the deposition?");
        assertThat(calendar(staff, c.id(), null, null)).isEmpty();
    }

    @Test
    void aHearingIsDocketedWithItsDeadlinesAndPutOnTheCalendarAtItsTime() {
        Actor partner = EveningInNewYork.partner();
        LegalCase c = EveningInNewYork.bean(CaseService.class).create(partner, new NewCase(null,
                "Hearing v. Calendar", "contract", null, "Hearing Calendar LLC", null, null, null)).block();

        CommandResult heard = say(partner, "schedule a hearing on December 21 at 10 am", Optional.of(c.id()), null);

        assertThat(heard.status()).as(heard.message()).isEqualTo(CommandStatus.DONE);
        assertThat(heard.message()).startsWith("Docketed hearing on Monday, December 21, 2026 at 10:00 AM in"
                + " Hearing v. Calendar and put it on the calendar.");
        List<DocketedDeadline> deadlines = EveningInNewYork.bean(DocketService.class).list(partner,
                Optional.of(c.id()), null, null).collectList().block();
        assertThat(deadlines).isNotEmpty().allMatch(d -> d.dueDate().isBefore(java.time.LocalDate.of(2026, 12, 21)));
        assertThat(calendar(partner, c.id(), null, null)).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Hearing");
            assertThat(a.date()).hasToString("2026-12-21");
            assertThat(a.time()).isEqualTo(LocalTime.of(10, 0));
        });

        LegalCase set = EveningInNewYork.bean(CaseService.class).create(partner, new NewCase(null,
                "Hearing v. Setting", "contract", null, "Hearing Setting LLC", null, null, null)).block();
        CommandResult setFor = say(partner, "the hearing is set for December 22 at 9 am", Optional.of(set.id()),
                null);
        assertThat(setFor.message()).startsWith("Docketed hearing on Tuesday, December 22, 2026 at 9:00 AM in Hearing v. Setting");
        assertThat(EveningInNewYork.bean(DocketService.class).list(partner, Optional.of(set.id()), null, null)
                .collectList().block()).isNotEmpty();
        assertThat(calendar(partner, set.id(), null, null)).extracting(Appointment::title).containsExactly("Hearing");
    }

    @Test
    void aPaperFiledIsNeitherDocketedNorScheduled() {
        Actor partner = EveningInNewYork.partner();
        LegalCase c = EveningInNewYork.bean(CaseService.class).create(partner, new NewCase(null,
                "Paper v. Calendar", "contract", null, "Paper Calendar LLC", null, null, null)).block();
        CommandResult filed = say(partner, "the answer was filed today", Optional.of(c.id()), null);
        assertThat(filed.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(filed.message()).contains("an answer filed is neither");
        assertThat(calendar(partner, c.id(), null, null)).isEmpty();
    }

    @Test
    void theEventsTitleLeavesOutHowItWasSet() {
        assertThat(DeadlineCommands.appointmentTitle("mediation scheduled")).isEqualTo("mediation");
        assertThat(DeadlineCommands.appointmentTitle("deposition of officer boyle")).isEqualTo(
                "deposition of officer boyle");
        assertThat(DeadlineCommands.appointmentTitle("set")).isEqualTo("set");
        assertThat(DeadlineCommands.isPaper("order entered")).isTrue();
        assertThat(DeadlineCommands.isPaper("status conference")).isFalse();
    }
}
