package io.dictum.web.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class DeadlineDocketApiTest extends WebTestSupport {

    private WebTestClient.ResponseSpec docket(String token, String caseId, Object body) {
        return client().post().uri("/api/v1/cases/" + caseId + "/events").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aDocketedJudgmentPutsBothDeadlinesOnTheCase() {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        // judgment Fri 2027-12-03: new trial + 28 = Fri 12-31 (New Year's 2028 observed) → Mon 2028-01-03;
        // appeal + 30 = Sun 2028-01-02 → Mon 2028-01-03
        JsonNode docketed = docket(token, miller, Map.of("trigger", "judgment_entered", "date", "2027-12-03"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(docketed.at("/event/ruleSet").asText()).isEqualTo("FRCP");
        assertThat(docketed.at("/event/serviceMethod").asText()).isEqualTo("electronic");
        assertThat(docketed.get("deadlines").findValuesAsText("dueDate")).containsExactly("2028-01-03",
                "2028-01-03");

        JsonNode listed = get(token, "/api/v1/deadlines?caseId=" + miller + "&from=2028-01-03&to=2028-01-03");
        assertThat(listed.findValuesAsText("rule")).contains("new_trial_motion", "notice_of_appeal");
        assertThat(listed.findValuesAsText("caseNumber")).containsOnly("2025-PI-0012");
        assertThat(listed.get(0).get("explanation").asText()).contains("Fri 2027-12-31");
        assertThat(get(token, "/api/v1/cases/" + miller + "/events").findValuesAsText("trigger"))
                .contains("judgment_entered");

        // the docket is the firm's: even the case's own client is sent to the portal's milestones
        String client = login("smiller");
        assertThat(assertProblem(client().get().uri("/api/v1/deadlines?from=2028-01-01&to=2028-01-31")
                .headers(h -> h.setBearerAuth(client)).exchange(), 403).get("detail").asText()).contains("milestones");
        assertProblem(client().get().uri("/api/v1/cases/" + miller + "/events").headers(h -> h.setBearerAuth(client))
                .exchange(), 403);
        assertThat(get(token, "/api/v1/deadlines?caseId=" + miller + "&from=2029-01-01")).isEmpty();
    }

    @Test
    void deadlinesOfCasesTheUserMayNotSeeStayHidden() {
        String partner = login("mortiz");
        String other = caseId("2025-PI-0019");
        docket(partner, other, Map.of("trigger", "motion_served", "date", "2026-12-18", "serviceMethod", "mail"))
                .expectStatus().isCreated();
        String client = login("smiller");
        assertProblem(client().get().uri("/api/v1/deadlines?caseId=" + other).headers(h -> h.setBearerAuth(client))
                .exchange(), 403);
        assertProblem(docket(client, caseId("2025-PI-0012"), Map.of("trigger", "judgment_entered", "date",
                "2026-12-03")), 403);
    }

    @Test
    void badDocketingIsRefusedAndStoresNothing() {
        String token = login("bking");
        String id = caseId("2026-C-0008");
        int before = get(token, "/api/v1/deadlines?caseId=" + id).size();
        assertThat(assertProblem(docket(token, id, Map.of("trigger", "judgment_entered", "date", "2026-02-30")), 400)
                .get("detail").asText()).contains("2026-02-30");
        assertThat(assertProblem(docket(token, id, Map.of("trigger", "verdict", "date", "2026-02-03")), 400)
                .get("detail").asText()).contains("judgment_entered");
        assertProblem(docket(token, id, Map.of("trigger", "judgment_entered", "date", "2026-02-03", "ruleSet",
                "NOPE")), 400);
        assertProblem(docket(token, id, Map.of("date", "2026-02-03")), 400);
        assertProblem(docket(token, UUID.randomUUID().toString(), Map.of("trigger", "judgment_entered", "date",
                "2026-02-03")), 404);
        assertProblem(client().get().uri("/api/v1/deadlines?from=2026-13-01").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertProblem(client().get().uri("/api/v1/deadlines?from=2026-12-31&to=2026-01-01")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/deadlines?caseId=nope").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertThat(get(token, "/api/v1/deadlines?caseId=" + id).size()).isEqualTo(before);
    }
}
