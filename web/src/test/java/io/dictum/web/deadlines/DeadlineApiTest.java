package io.dictum.web.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class DeadlineApiTest extends WebTestSupport {

    private WebTestClient.ResponseSpec compute(String token, Object body) {
        return client().post().uri("/api/v1/deadlines/compute").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void computesTheAnswerDeadlineWithItsWorking() {
        // served Fri 2026-12-04 + 21 = Fri 2026-12-25 Christmas → Mon 2026-12-28
        JsonNode result = postJson(login("ahale"), "/api/v1/deadlines/compute",
                Map.of("ruleSet", "FRCP", "trigger", "complaint_served", "date", "2026-12-04"));
        assertThat(result.get("serviceMethod").asText()).isEqualTo("electronic");
        JsonNode answer = result.get("deadlines").get(0);
        assertThat(answer.get("rule").asText()).isEqualTo("answer");
        assertThat(answer.get("title").asText()).isEqualTo("Answer to the complaint");
        assertThat(answer.get("dueDate").asText()).isEqualTo("2026-12-28");
        assertThat(answer.get("citation").asText()).isEqualTo("FRCP 12(a)(1)(A)(i)");
        assertThat(answer.get("explanation").asText()).contains("Fri 2026-12-25 is Christmas Day")
                .contains("Mon 2026-12-28");
        assertThat(answer.get("steps").size()).isGreaterThanOrEqualTo(4);
        assertThat(answer.has("dueAt")).isFalse();
    }

    @Test
    void mailServiceAddsThreeDaysWhereTheRuleAllows() {
        // Wed 2026-11-25 + 30 = Fri 12-25 → Mon 12-28; + 3 = Thu 2026-12-31
        JsonNode result = postJson(login("bking"), "/api/v1/deadlines/compute", Map.of("ruleSet", "FRCP",
                "trigger", "interrogatories_served", "date", "2026-11-25", "serviceMethod", "mail"));
        assertThat(result.at("/deadlines/0/dueDate").asText()).isEqualTo("2026-12-31");
        assertThat(result.at("/deadlines/0/citation").asText()).isEqualTo("FRCP 33(b)(2)");
        JsonNode judgment = postJson(login("bking"), "/api/v1/deadlines/compute", Map.of("ruleSet", "FRCP",
                "trigger", "judgment_entered", "date", "2027-12-03", "serviceMethod", "mail"));
        assertThat(judgment.get("deadlines").findValuesAsText("dueDate")).containsExactly("2028-01-03",
                "2028-01-03");
        assertThat(judgment.get("deadlines").findValuesAsText("citation")).containsExactly("FRCP 59(b)",
                "FRAP 4(a)(1)(A)");
    }

    @Test
    void theRuleSetsCanBeListed() {
        JsonNode sets = get(login("sarah"), "/api/v1/deadlines/rule-sets");
        assertThat(sets.findValuesAsText("id")).contains("FRCP");
        assertThat(sets.get(0).get("triggers").has("hearing_scheduled")).isTrue();
    }

    @Test
    void badInputIsAProblemNamingTheValidChoices() {
        String token = login("ahale");
        assertThat(assertProblem(compute(token, Map.of("ruleSet", "CPLR", "trigger", "complaint_served", "date",
                "2026-03-02")), 400).get("detail").asText()).contains("FRCP");
        assertThat(assertProblem(compute(token, Map.of("ruleSet", "FRCP", "trigger", "complaint_filed", "date",
                "2026-03-02")), 400).get("detail").asText()).contains("complaint_served").contains("hearing_scheduled");
        assertThat(assertProblem(compute(token, Map.of("ruleSet", "FRCP", "trigger", "complaint_served", "date",
                "2026-02-30")), 400).get("detail").asText()).contains("2026-02-30");
        assertThat(assertProblem(compute(token, Map.of("ruleSet", "FRCP", "trigger", "complaint_served", "date",
                "2026-03-02", "serviceMethod", "carrier pigeon")), 400).get("detail").asText())
                .contains("electronic, personal, mail, clerk, other");
        assertThat(assertProblem(compute(token, Map.of("ruleSet", "FRCP")), 400).get("detail").asText())
                .contains("trigger").contains("date");
        assertProblem(compute(token, "{\"ruleSet\": \"FRCP\", "), 400);
        assertProblem(compute(token, "[1, 2]"), 400);
    }

    @Test
    void computingNeedsASignedInUser() {
        compute(null, Map.of("ruleSet", "FRCP", "trigger", "complaint_served", "date", "2026-03-02"))
                .expectStatus().isUnauthorized();
    }
}
