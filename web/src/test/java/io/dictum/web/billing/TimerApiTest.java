package io.dictum.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class TimerApiTest extends WebTestSupport {

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        var spec = client().post().uri(uri).headers(h -> h.setBearerAuth(token));
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void noTimer(String token) {
        client().delete().uri("/api/v1/timers/current").headers(h -> h.setBearerAuth(token)).exchange();
        client().get().uri("/api/v1/timers/current").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aTimerRunsPausesResumesAndStopsIntoOneTimeEntry() {
        String token = login("bking");
        String miller = caseId("2025-PI-0012");
        noTimer(token);
        JsonNode started = post(token, "/api/v1/timers/start", Map.of("caseId", miller, "activity",
                "drafting the motion")).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(started.get("state").asText()).isEqualTo("running");
        assertThat(started.get("caseId").asText()).isEqualTo(miller);
        assertThat(get(token, "/api/v1/timers/current").get("id").asText()).isEqualTo(started.get("id").asText());
        assertThat(assertProblem(post(token, "/api/v1/timers/start", Map.of()), 409).get("detail").asText())
                .contains("stop");

        assertThat(postJson(token, "/api/v1/timers/pause", Map.of()).get("state").asText()).isEqualTo("paused");
        assertProblem(post(token, "/api/v1/timers/pause", null), 409);
        assertThat(postJson(token, "/api/v1/timers/resume", Map.of()).get("state").asText()).isEqualTo("running");
        assertProblem(post(token, "/api/v1/timers/resume", null), 409);

        JsonNode entry = post(token, "/api/v1/timers/stop", null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(entry.get("caseId").asText()).isEqualTo(miller);
        assertThat(entry.get("description").asText()).isEqualTo("drafting the motion");
        assertThat(entry.get("billable").asBoolean()).isTrue();
        assertThat(entry.get("billed").asBoolean()).isFalse();
        assertThat(entry.get("timerId").asText()).isEqualTo(started.get("id").asText());
        assertThat(get(token, "/api/v1/time-entries/" + entry.get("id").asText()).get("minutes").asInt())
                .isEqualTo(entry.get("minutes").asInt());
        client().get().uri("/api/v1/timers/current").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
        assertProblem(post(token, "/api/v1/timers/stop", null), 404);
    }

    @Test
    void concurrentStopsOfTheSameTimerCreateExactlyOneEntry() throws Exception {
        String token = login("sarah");
        String caseId = caseId("2025-E-0011");
        noTimer(token);
        String timerId = postJson(token, "/api/v1/timers/start", Map.of("caseId", caseId)).get("id").asText();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client().post().uri("/api/v1/timers/stop").headers(h -> h.setBearerAuth(token))
                            .exchange().returnResult(String.class).getStatus().value();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                codes.add(f.get());
            }
            assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
            assertThat(codes).filteredOn(c -> c != 201).allMatch(c -> c == 409 || c == 404);
        } finally {
            pool.shutdownNow();
        }
        JsonNode entries = get(token, "/api/v1/time-entries?caseId=" + caseId);
        assertThat(entries.findValuesAsText("timerId")).filteredOn(timerId::equals).hasSize(1);
    }

    @Test
    void aTimerWithoutACaseAsksForOneAtStop() {
        String token = login("tom");
        noTimer(token);
        assertThat(postJson(token, "/api/v1/timers/start", Map.of("activity", "a106")).get("activity").asText())
                .isEqualTo("A106");
        assertThat(assertProblem(post(token, "/api/v1/timers/stop", null), 400).get("detail").asText())
                .contains("caseId");
        assertThat(get(token, "/api/v1/timers/current").get("state").asText()).isEqualTo("running");
        JsonNode entry = post(token, "/api/v1/timers/stop", Map.of("caseId", caseId("2026-RE-0001"),
                "description", "Called the client about the closing", "taskCode", "L160")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(entry.get("activityCode").asText()).isEqualTo("A106");
        assertThat(entry.get("taskCode").asText()).isEqualTo("L160");
        assertThat(entry.get("description").asText()).isEqualTo("Called the client about the closing");
    }

    @Test
    void badTimerRequestsAreProblemsAndChangeNothing() {
        String token = login("mortiz");
        noTimer(token);
        assertProblem(post(token, "/api/v1/timers/start", Map.of("caseId", UUID.randomUUID().toString())), 404);
        assertProblem(post(token, "/api/v1/timers/start", Map.of("caseId", "nope")), 400);
        assertProblem(post(token, "/api/v1/timers/start", Map.of("activity", "x".repeat(1001))), 400);
        assertProblem(client().post().uri("/api/v1/timers/start").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"caseId\":").exchange(), 400);
        client().get().uri("/api/v1/timers/current").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
        assertProblem(post(token, "/api/v1/timers/pause", null), 404);
        postJson(token, "/api/v1/timers/start", Map.of("caseId", caseId("2026-O-0003")));
        assertProblem(post(token, "/api/v1/timers/stop", Map.of("caseId", UUID.randomUUID().toString())), 404);
        assertProblem(post(token, "/api/v1/timers/stop", Map.of("taskCode", "L999")), 400);
        assertThat(get(token, "/api/v1/timers/current").get("state").asText()).isEqualTo("running");
        client().delete().uri("/api/v1/timers/current").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();

        String client = login("smiller");
        assertProblem(post(client, "/api/v1/timers/start", Map.of("caseId", caseId("2025-PI-0012"))), 403);
        assertProblem(client().get().uri("/api/v1/timers/current").headers(h -> h.setBearerAuth(client))
                .exchange(), 403);
    }
}
