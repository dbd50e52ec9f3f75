package io.dictum.web.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dictum.core.DictumProperties;
import io.dictum.core.FirmCalendar;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseService;
import io.dictum.core.deadlines.DeadlineRepository;
import io.dictum.core.notifications.MailProperties;
import io.dictum.core.notifications.Mailer;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.reminders.EscalationLadder;
import io.dictum.core.reminders.ReminderProperties;
import io.dictum.core.reminders.ReminderRepository;
import io.dictum.core.reminders.ReminderSweeper;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import io.dictum.web.WebTestSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The reminder sweeper against the application's real database and a real SMTP server (GreenMail): each test makes
 * its own case far in the future, so the application's own periodic sweep (which runs on today's date) never
 * touches it; sweepers built here run on fixed clocks.
 */
class ReminderSweeperTest extends WebTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<Mailer> MAILERS = new ArrayList<>();

    @Autowired DeadlineRepository deadlines;
    @Autowired CaseRepository caseRows;
    @Autowired CaseService cases;
    @Autowired CaseTeamRepository teams;
    @Autowired UserRepository users;
    @Autowired ReminderRepository reminders;
    @Autowired NotificationService notifications;
    @Autowired TransactionalOperator tx;
    @Autowired DictumProperties dictum;
    @Autowired EscalationLadder ladder;

    @AfterAll
    static void closeMailers() {
        MAILERS.forEach(Mailer::destroy);
    }

    /** A new node: its own sweeper and mail connection, over the same database, at the given firm-local day. */
    private ReminderSweeper node(LocalDate today) {
        Mailer mailer = new Mailer(new MailProperties("127.0.0.1", SMTP.getSmtp().getPort(), null, null,
                "reminders@hale-ortiz.test", false));
        MAILERS.add(mailer);
        Clock clock = Clock.fixed(today.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK).toInstant(), NEW_YORK);
        return new ReminderSweeper(deadlines, caseRows, cases, teams, users, reminders, notifications, mailer, tx,
                clock, new FirmCalendar(clock, dictum.timeZone()),
                new ReminderProperties(true, null, Duration.ofMinutes(15), null, null), ladder);
    }

    private Map<String, String> userIds() {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            ids.put(u.get("username").asText(), u.get("id").asText());
        }
        return ids;
    }

    private record Docketed(String caseId, String number, String deadlineId, LocalDate due) {
    }

    /** A case with bking responsible, sarah on the team, mortiz screened; one motion response deadline on it. */
    private Docketed setUp(String title, String served) {
        Map<String, String> ids = userIds();
        String partner = login("ahale");
        JsonNode c = postJson(partner, "/api/v1/cases", Map.of("title", title, "clientName", "Client " + title));
        String caseId = c.get("id").asText();
        client().patch().uri("/api/v1/cases/" + caseId).headers(h -> h.setBearerAuth(partner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("responsibleUserId", ids.get("bking")))
                .exchange().expectStatus().isOk();
        postJson(partner, "/api/v1/cases/" + caseId + "/team", Map.of("userId", ids.get("sarah")));
        postJson(partner, "/api/v1/cases/" + caseId + "/screens", Map.of("userId", ids.get("mortiz")));
        for (String u : List.of("bking", "sarah", "ahale", "mortiz")) {
            users.setEmail(new UserId(UUID.fromString(ids.get(u))), u + "@hale-ortiz.test").block();
        }
        JsonNode event = postJson(partner, "/api/v1/cases/" + caseId + "/events", Map.of("trigger", "motion_served",
                "date", served));
        JsonNode response = null;
        for (JsonNode d : event.get("deadlines")) {
            if (d.get("rule").asText().equals("motion_response")) {
                response = d;
            }
        }
        return new Docketed(caseId, c.get("number").asText(), response.get("id").asText(),
                LocalDate.parse(response.get("dueDate").asText()));
    }

    private List<String> deliveries(Docketed d) {
        return reminders.deliveries(UUID.fromString(d.deadlineId())).map(x -> x.offsetDays() + ":"
                + x.recipientId()).collectList().block();
    }

    private List<String> mailedTo(Docketed d) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().contains(d.number())) {
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).forEach(a -> to.add(a.toString()));
            }
        }
        return to;
    }

    @Test
    void remindersEscalateAndAreNeverSentTwiceAcrossRunsRestartsAndTwoNodes() throws Exception {
        Docketed d = setUp("Ladder v. Sweeper", "2031-03-03");
        Map<String, String> ids = userIds();

        // 7 days before: the responsible attorney only, once however often it runs
        ReminderSweeper first = node(d.due().minusDays(7));
        first.sweep().block();
        first.sweep().block();
        node(d.due().minusDays(7)).sweep().block(); // a restart: a new sweeper over the same database
        assertThat(deliveries(d)).containsExactly("7:" + ids.get("bking"));
        assertThat(mailedTo(d)).containsExactly("bking@hale-ortiz.test");
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(d.number());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).startsWith("Due in 7 days: Response to a motion");
        assertThat(GreenMailUtil.getBody(mail)).contains(d.due().toString()).contains("responsible attorney");

        // 3 days before, two nodes at once: the case team joins, each reminder still goes out once
        ReminderSweeper a = node(d.due().minusDays(3));
        ReminderSweeper b = node(d.due().minusDays(3));
        Mono.zip(a.sweep(), b.sweep()).block();
        assertThat(deliveries(d)).containsExactlyInAnyOrder("7:" + ids.get("bking"), "3:" + ids.get("bking"),
                "3:" + ids.get("sarah"));
        assertThat(mailedTo(d)).containsExactlyInAnyOrder("bking@hale-ortiz.test", "bking@hale-ortiz.test",
                "sarah@hale-ortiz.test");

        // 1 day before: the supervising partners as well, but never mortiz, who is screened from the case
        node(d.due().minusDays(1)).sweep().block();
        assertThat(deliveries(d)).contains("1:" + ids.get("bking"), "1:" + ids.get("sarah"), "1:" + ids.get("ahale"))
                .noneMatch(x -> x.endsWith(ids.get("mortiz")));
        assertThat(mailedTo(d)).doesNotContain("mortiz@hale-ortiz.test").contains("ahale@hale-ortiz.test");

        // in-app: the reminders are in the recipients' notifications, and nothing of the case reaches mortiz
        JsonNode inbox = get(login("sarah"), "/api/v1/notifications?unread=true");
        assertThat(inbox.findValuesAsText("title")).anySatisfy(t -> assertThat(t).startsWith("Due tomorrow")
                .contains(d.number()));
        assertThat(get(login("mortiz"), "/api/v1/notifications").findValuesAsText("caseId"))
                .doesNotContain(d.caseId());
    }

    @Test
    void aDoneDeadlineStopsEscalatingAndAMissedOffsetIsNotSentLate() throws Exception {
        Docketed d = setUp("Done v. Quiet", "2031-06-02");
        Map<String, String> ids = userIds();
        // the first sweep after a long pause, 3 days before: only the 3-day reminder, not the missed 14 and 7
        node(d.due().minusDays(3)).sweep().block();
        assertThat(deliveries(d)).containsExactlyInAnyOrder("3:" + ids.get("bking"), "3:" + ids.get("sarah"));

        client().patch().uri("/api/v1/deadlines/" + d.deadlineId()).headers(h -> h.setBearerAuth(login("bking")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "done"))
                .exchange().expectStatus().isOk();
        node(d.due().minusDays(1)).sweep().block();
        node(d.due()).sweep().block();
        assertThat(deliveries(d)).hasSize(2);
        assertThat(mailedTo(d)).hasSize(2);
    }

    @Test
    void withoutAnSmtpHostMailIsOffAndTheReminderIsInAppOnly() {
        Mailer off = new Mailer(new MailProperties(null, null, null, null, null, null));
        assertThat(off.enabled()).isFalse();
        Docketed d = setUp("Quiet v. Inbox", "2031-09-02");
        Clock clock = Clock.fixed(d.due().atTime(LocalTime.NOON).atZone(NEW_YORK).toInstant(), NEW_YORK);
        new ReminderSweeper(deadlines, caseRows, cases, teams, users, reminders, notifications, off, tx, clock,
                new FirmCalendar(clock, dictum.timeZone()), new ReminderProperties(true, List.of(0), null, null, null),
                ladder).sweep().block();
        List<String> status = reminders.deliveries(UUID.fromString(d.deadlineId()))
                .map(ReminderRepository.Delivery::mailStatus).collectList().block();
        assertThat(status).isNotEmpty().containsOnly("off");
        assertThat(get(login("bking"), "/api/v1/notifications?unread=true").findValuesAsText("title"))
                .anySatisfy(t -> assertThat(t).startsWith("Due today").contains(d.number()));
    }
}
