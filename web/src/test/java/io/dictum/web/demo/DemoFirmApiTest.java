package io.dictum.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo firm's work as the API shows it from the first start: a docket from the court rules, open tasks and time,
 * all dated from the day the demo was loaded (read back from the docket itself, so nothing here depends on the day the
 * tests run).
 */
class DemoFirmApiTest extends WebTestSupport {

    private static final ZoneId FIRM = ZoneId.of("America/New_York");

    /** The load day: the Kowalczyk Rule 26(f) conference was docketed as held 14 days before it. */
    private LocalDate loadDay(String token) {
        for (JsonNode e : get(token, "/api/v1/cases/" + caseId("2025-E-0011") + "/events")) {
            if (e.get("trigger").asText().equals("rule_26f_conference")) {
                return LocalDate.parse(e.get("date").asText()).plusDays(14);
            }
        }
        throw new AssertionError("the demo's Rule 26(f) conference in Kowalczyk is not docketed");
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void whatsDueThisWeekReadsTheDemoDocketBack() {
        String token = login("ahale");
        LocalDate day = loadDay(token);
        // the next seven days always hold a demo deadline (the Miller motion and notice of hearing, due in 1 to 4 days)
        JsonNode week = get(token, "/api/v1/deadlines?status=open&from=" + day + "&to=" + day.plusDays(6));
        assertThat(week.findValuesAsText("caseNumber")).contains("2025-PI-0012");
        assertThat(week.findValuesAsText("rule")).contains("motion_served_before_hearing");
        // the Delgado answer: 21 days from the complaint served 5 days before the load day, on a court day
        JsonNode delgado = get(token, "/api/v1/deadlines?caseId=" + caseId("2026-PI-0004") + "&from=" + day);
        assertThat(delgado.findValuesAsText("rule")).contains("answer");

        // "this week" is Monday to Sunday: the assistant reads back every open deadline of it, the demo's among them
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> thisWeek = ids(get(token, "/api/v1/deadlines?status=open&from=" + monday + "&to="
                + monday.plusDays(6)));
        JsonNode said = postJson(token, "/api/v1/assistant/commands", Map.of("text", "what's due this week",
                "referenceTime", day.atTime(LocalTime.of(9, 0)).atZone(FIRM).toOffsetDateTime().toString()));
        assertThat(said.get("intent").asText()).isEqualTo("list_deadlines");
        assertThat(ids(said.at("/result/deadlines"))).containsExactlyInAnyOrderElementsOf(thisWeek);
        if (day.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
            // loaded Monday to Thursday, the Kowalczyk initial disclosures fall in the same week (the load day, or
            // the next court day after a holiday)
            assertThat(said.at("/result/deadlines").findValuesAsText("caseNumber")).contains("2025-E-0011");
            assertThat(said.get("message").asText()).doesNotStartWith("Nothing is due").contains("2025-E-0011");
        }
    }

    @Test
    void ahaleHasOpenTasksAndTheFirmHasRecordedTime() {
        String token = login("ahale");
        LocalDate day = loadDay(token);
        String me = get(token, "/api/v1/me").get("id").asText();
        JsonNode tasks = get(token, "/api/v1/tasks?status=open&assigneeId=" + me);
        Map<String, String> due = new java.util.HashMap<>();
        tasks.forEach(t -> due.put(t.get("description").asText(), t.path("dueOn").asText(null)));
        assertThat(due).containsEntry("Call Sarah Miller before the motion hearing", day.plusDays(1).toString())
                .containsEntry("Review Brian's draft answer in Delgado", day.plusDays(9).toString())
                .containsKey("Sign the engagement letter for the Patel purchase");

        JsonNode miller = get(token, "/api/v1/time-entries?caseId=" + caseId("2025-PI-0012") + "&from="
                + day.minusDays(3) + "&to=" + day);
        Map<String, String> dated = new java.util.HashMap<>();
        miller.forEach(e -> dated.put(e.get("description").asText(), e.get("date").asText()));
        assertThat(dated).containsEntry("Reviewed Acme's motion and outlined the opposition",
                day.minusDays(3).toString()).containsEntry("Drafted the opposition to Acme's motion",
                day.minusDays(2).toString());
        assertThat(miller.findValuesAsText("userId").stream().distinct()).hasSizeGreaterThanOrEqualTo(2);
    }
}
