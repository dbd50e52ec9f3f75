package io.dictum.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "How much time did I bill today", "pause the timer", "resume the timer", and the summary they read from. */
class TimeSummaryApiTest extends WebTestSupport {

    private JsonNode say(String token, String text) {
        return postJson(token, "/api/v1/assistant/commands", Map.of("text", text));
    }

    /** A fresh associate (a rerun gets another), so that their day holds only what the test records. */
    private String[] newTimekeeper(String prefix) {
        String username = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password", DEMO_PASSWORD,
                "role", "associate", "displayName", "Nadia Okoro")).get("id").asText();
        return new String[] {id, login(username)};
    }

    @Test
    void theSpeakerHearsTheirOwnHoursAndWhatTheyAreWorth() {
        String[] timekeeper = newTimekeeper("nokoro");
        String userId = timekeeper[0];
        String token = timekeeper[1];
        postJson(login("ahale"), "/api/v1/rates", Map.of("userId", userId, "hourlyRate", 250.00));
        JsonNode empty = say(token, "how much time did I bill today");
        assertThat(empty.get("intent").asText()).isEqualTo("time_summary");
        assertThat(empty.get("message").asText()).isEqualTo("You have no time recorded today.");

        assertThat(say(token, "log thirty minutes on Miller for reviewing the photographs").get("status").asText())
                .isEqualTo("done");
        assertThat(say(token, "log point three on Chen for a call with the client").get("status").asText())
                .isEqualTo("done");
        postJson(token, "/api/v1/time-entries", Map.of("caseId", caseId("2025-PI-0012"), "minutes", 12,
                "description", "Reorganised the file", "billable", false));

        JsonNode today = say(token, "how much time did I bill today");
        assertThat(today.get("status").asText()).isEqualTo("done");
        assertThat(today.get("message").asText()).isEqualTo("Today you recorded 1.0 hour in 3 entries: 0.8 hours"
                + " billable, $200.00 at the current rates.");
        assertThat(today.at("/result/summary/billableAmount").decimalValue()).isEqualByComparingTo("200.00");
        JsonNode week = say(token, "how many hours did I bill this week");
        assertThat(week.at("/result/summary/billedHours").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(week.get("message").asText()).startsWith("From ").contains("$200.00");
        JsonNode miller = say(token, "how much time did I bill on Miller today");
        assertThat(miller.at("/slots/case").asText()).isEqualTo(caseId("2025-PI-0012"));
        assertThat(miller.get("message").asText()).isEqualTo("Today you recorded 0.7 hours on Miller v. Acme"
                + " Trucking in 2 entries: 0.5 hours billable, $125.00 at the current rates.");

        JsonNode rest = get(token, "/api/v1/time-entries/summary");
        assertThat(rest.get("entries").asInt()).isEqualTo(3);
        assertThat(rest.get("minutes").asInt()).isEqualTo(60);
        assertThat(rest.get("billableHours").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(rest.get("billableAmount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(rest.get("currency").asText()).isEqualTo("USD");
        assertThat(get(token, "/api/v1/time-entries/summary?from=2020-01-01&to=2020-01-31").get("entries").asInt())
                .isZero();
        // another timekeeper's time is not theirs
        assertThat(get(login("bking"), "/api/v1/time-entries/summary?caseId=" + caseId("2026-C-0008"))
                .get("userId").asText()).isNotEqualTo(userId);

        assertProblem(client().get().uri("/api/v1/time-entries/summary?from=2026-02-30")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/time-entries/summary?from=2026-03-02&to=2026-03-01")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/time-entries/summary?caseId=nope")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/time-entries/summary").headers(h -> h.setBearerAuth(
                login("smiller"))).exchange(), 403);
    }

    @Test
    void theTimerIsPausedAndResumedByVoice() {
        String token = newTimekeeper("ptimer")[1];
        JsonNode nothing = say(token, "pause the timer");
        assertThat(nothing.get("intent").asText()).isEqualTo("pause_timer");
        assertThat(nothing.get("status").asText()).isEqualTo("rejected");

        assertThat(say(token, "start a timer for the Rivera case").get("status").asText()).isEqualTo("done");
        JsonNode paused = say(token, "pause the timer");
        assertThat(paused.get("status").asText()).isEqualTo("done");
        assertThat(paused.get("message").asText()).startsWith("Timer paused at 0:0").contains("Rivera");
        assertThat(get(token, "/api/v1/timers/current").get("state").asText()).isEqualTo("paused");
        assertThat(say(token, "pause the timer").get("status").asText()).isEqualTo("rejected");
        JsonNode resumed = say(token, "resume the timer");
        assertThat(resumed.get("intent").asText()).isEqualTo("resume_timer");
        assertThat(resumed.get("status").asText()).isEqualTo("done");
        assertThat(resumed.at("/result/timer/state").asText()).isEqualTo("running");
        assertThat(say(token, "resume the timer").get("status").asText()).isEqualTo("rejected");
        assertThat(say(token, "stop the timer").get("status").asText()).isEqualTo("done");
    }
}
