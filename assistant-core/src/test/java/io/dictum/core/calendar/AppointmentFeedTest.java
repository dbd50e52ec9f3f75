package io.dictum.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseTeamService;
import io.dictum.core.appointments.Appointment;
import io.dictum.core.appointments.AppointmentService;
import io.dictum.core.appointments.NewAppointment;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.testing.EveningInNewYork;
import io.dictum.core.users.UserRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Appointments in the calendar feed: timed ones at their instant in the firm's time zone (New York, UTC-5 in
 * December), all-day ones as dates, with the same access as the deadlines beside them.
 */
class AppointmentFeedTest {

    private static List<String> render(Actor owner, String caseId) {
        CalendarFeedService feeds = EveningInNewYork.bean(CalendarFeedService.class);
        String url = feeds.create(owner, new NewCalendarFeed(caseId)).block().url();
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        // unfolded: a CRLF and a space continue the line before
        return List.of(feeds.render(token).block().replace("\r\n ", "").split("\r\n"));
    }

    private static List<String> event(List<String> lines, Appointment a) {
        int start = lines.indexOf("UID:" + a.id() + "@dictum");
        assertThat(start).as("the appointment %s is in the feed", a.title()).isPositive();
        return lines.subList(start, lines.subList(start, lines.size()).indexOf("END:VEVENT") + start);
    }

    @Test
    void appointmentsAreTimedInTheFirmsZoneOrAllDayAndAWalledCaseIsLeftOut() {
        Actor partner = EveningInNewYork.partner();
        LegalCase c = EveningInNewYork.bean(CaseService.class).create(partner, new NewCase(null,
                "Feed v. Appointments", "contract", null, "Feed Appointments LLC", null, null, null)).block();
        AppointmentService appointments = EveningInNewYork.bean(AppointmentService.class);
        Appointment mediation = appointments.create(partner, c.id(), new NewAppointment("Mediation", "2026-12-10",
                "13:30", 90, "JAMS; 71 S. Wacker Dr., Chicago")).block();
        Appointment call = appointments.create(partner, c.id(), new NewAppointment("Client call", "2026-12-11",
                "09:00", null, null)).block();
        Appointment trialDay = appointments.create(partner, c.id(), new NewAppointment("Trial, day one",
                "2026-12-14", null, null, null)).block();

        List<String> lines = render(partner, c.id().toString());

        assertThat(event(lines, mediation)).contains("DTSTART:20261210T183000Z", "DTEND:20261210T200000Z",
                "SUMMARY:Mediation (" + c.number() + ")", "LOCATION:JAMS\\; 71 S. Wacker Dr.\\, Chicago",
                "CATEGORIES:Appointment");
        // no duration said: an hour, so that calendar programs show it
        assertThat(event(lines, call)).contains("DTSTART:20261211T140000Z", "DTEND:20261211T150000Z");
        assertThat(event(lines, trialDay)).contains("DTSTART;VALUE=DATE:20261214", "DTEND;VALUE=DATE:20261215",
                "SUMMARY:Trial\\, day one (" + c.number() + ")").noneMatch(l -> l.startsWith("LOCATION"));

        Actor associate = NotificationService.actorOf(EveningInNewYork.bean(UserRepository.class).findAll()
                .filter(u -> u.username().equals("bking")).blockFirst());
        assertThat(String.join("\n", render(associate, null))).contains("UID:" + mediation.id() + "@dictum");
        EveningInNewYork.bean(CaseTeamService.class).screen(partner, c.id(), associate.userId(), "conflict").block();
        assertThat(String.join("\n", render(associate, null))).doesNotContain(mediation.id().toString(),
                call.id().toString(), trialDay.id().toString());
    }
}
