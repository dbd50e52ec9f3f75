package io.dictum.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class TimeEntryApiTest extends WebTestSupport {

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return client().post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static Map<String, Object> entry(String caseId, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("caseId", caseId, "date", "2025-11-03", "minutes", 7,
                "description", "Reviewed the police report", "taskCode", "L110", "activityCode", "A104"));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                body.remove((String) more[i]);
            } else {
                body.put((String) more[i], more[i + 1]);
            }
        }
        return body;
    }

    @Test
    void timeIsRecordedRoundedUpAndListedWithFilters() {
        String token = login("bking");
        String id = caseId("2026-F-0002");
        JsonNode e = post(token, "/api/v1/time-entries", entry(id)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(e.get("minutes").asInt()).isEqualTo(7);
        assertThat(e.get("billedHours").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(e.get("taskCode").asText()).isEqualTo("L110");
        assertThat(e.get("billable").asBoolean()).isTrue();
        assertThat(e.get("billed").asBoolean()).isFalse();
        JsonNode later = postJson(token, "/api/v1/time-entries", entry(id, "date", "2025-11-20", "minutes", 90,
                "taskCode", "l240", "billable", false));
        assertThat(later.get("taskCode").asText()).isEqualTo("L240");

        assertThat(get(token, "/api/v1/time-entries?caseId=" + id + "&from=2025-11-10&to=2025-11-30")
                .findValuesAsText("id")).containsExactly(later.get("id").asText());
        assertThat(get(token, "/api/v1/time-entries?caseId=" + id + "&unbilled=true").findValuesAsText("id"))
                .contains(e.get("id").asText()).doesNotContain(later.get("id").asText());

        JsonNode changed = client().patch().uri("/api/v1/time-entries/" + e.get("id").asText())
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("minutes", 13, "description", "Reviewed the police report and photos"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(changed.get("billedHours").decimalValue()).isEqualByComparingTo("0.3");

        JsonNode expense = postJson(token, "/api/v1/expenses", Map.of("caseId", id, "date", "2025-11-04",
                "amount", 350.00, "description", "Filing fee", "expenseCode", "E112"));
        assertThat(expense.get("amount").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(get(token, "/api/v1/expenses?caseId=" + id).findValuesAsText("id"))
                .contains(expense.get("id").asText());
        assertThat(get(token, "/api/v1/billing/codes").get("activities").findValuesAsText("code"))
                .contains("A101", "A111").hasSize(11);
    }

    @Test
    void badEntriesAreProblemsAndStoreNothing() {
        String token = login("bking");
        String id = caseId("2026-CD-0005");
        int before = get(token, "/api/v1/time-entries?caseId=" + id).size();
        assertThat(assertProblem(post(token, "/api/v1/time-entries", entry(id, "taskCode", "L300")), 400)
                .get("detail").asText()).contains("phase");
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "taskCode", "X100")), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "activityCode", "A112")), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "minutes", 0)), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "minutes", 1441)), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "minutes", null)), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "description", " ")), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "date", "2025-02-30")), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "date", "2999-01-01")), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(id, "caseId", null)), 400);
        assertProblem(post(token, "/api/v1/time-entries", entry(UUID.randomUUID().toString())), 404);
        assertProblem(post(token, "/api/v1/time-entries", entry("not-a-case")), 400);
        assertProblem(client().post().uri("/api/v1/time-entries").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"minutes\": 30,").exchange(), 400);
        assertProblem(client().get().uri("/api/v1/time-entries?from=2025-12-01&to=2025-11-01")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/time-entries?from=yesterday")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/time-entries/" + UUID.randomUUID())
                .headers(h -> h.setBearerAuth(token)).exchange(), 404);
        assertProblem(client().get().uri("/api/v1/time-entries/nope").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertProblem(post(token, "/api/v1/expenses", Map.of("caseId", id, "amount", 10.001, "description", "x")),
                400);
        assertProblem(post(token, "/api/v1/expenses", Map.of("caseId", id, "amount", -5, "description", "x")), 400);
        assertProblem(post(token, "/api/v1/expenses", Map.of("caseId", id, "amount", 5, "description", "x",
                "expenseCode", "E999")), 400);
        assertThat(get(token, "/api/v1/time-entries?caseId=" + id).size()).isEqualTo(before);
        assertThat(get(token, "/api/v1/expenses?caseId=" + id).size()).isZero();

        // someone else's entry: only its timekeeper or a partner may change it
        JsonNode mine = postJson(token, "/api/v1/time-entries", entry(id));
        String paralegal = login("sarah");
        assertProblem(client().patch().uri("/api/v1/time-entries/" + mine.get("id").asText())
                .headers(h -> h.setBearerAuth(paralegal)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("minutes", 600)).exchange(), 403);
        assertThat(get(token, "/api/v1/time-entries/" + mine.get("id").asText()).get("minutes").asInt())
                .isEqualTo(7);
    }

    @Test
    void clientsSeeNoTimeEntriesExpensesOrRates() {
        String client = login("smiller");
        String miller = caseId("2025-PI-0012");
        for (String uri : new String[] {"/api/v1/time-entries", "/api/v1/time-entries?caseId=" + miller,
                "/api/v1/expenses?caseId=" + miller, "/api/v1/rates"}) {
            assertProblem(client().get().uri(uri).headers(h -> h.setBearerAuth(client)).exchange(), 403);
        }
        assertProblem(post(client, "/api/v1/time-entries", entry(miller)), 403);
        assertProblem(post(client, "/api/v1/expenses", Map.of("caseId", miller, "amount", 5, "description", "x")),
                403);
    }
}
