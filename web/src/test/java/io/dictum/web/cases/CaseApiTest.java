package io.dictum.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CaseApiTest extends WebTestSupport {

    @Test
    void aPartnerSeesTheWholeDemoFirm() {
        JsonNode cases = get(login("ahale"), "/api/v1/cases?size=200");
        assertThat(cases.size()).isGreaterThanOrEqualTo(12);
        assertThat(cases.findValuesAsText("title")).contains("Miller v. Acme Trucking", "Johnson v. Acme Insurance",
                "Estate of Margaret Johnson", "Kowalczyk v. Northside Logistics");
    }

    @Test
    void casesCanBeListedByStatus() {
        JsonNode closed = get(login("ahale"), "/api/v1/cases?status=closed&size=200");
        assertThat(closed.findValuesAsText("status")).isNotEmpty().containsOnly("closed");
        assertThat(closed.findValuesAsText("number")).contains("2024-E-0009");
        assertProblem(client().get().uri("/api/v1/cases?status=sleeping").headers(h -> h.setBearerAuth(
                login("ahale"))).exchange(), 400);
    }

    @Test
    void aClientSeesOnlyTheirOwnCase() {
        String client = login("smiller");
        JsonNode cases = get(client, "/api/v1/cases");
        assertThat(cases.findValuesAsText("number")).containsExactly("2025-PI-0012");
        assertProblem(client().get().uri("/api/v1/cases/" + caseId("2025-PI-0019"))
                .headers(h -> h.setBearerAuth(client)).exchange(), 404);
        assertProblem(client().post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(client))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Mine v. Yours", "clientName", "Sarah Miller")).exchange(), 403);
    }

    @Test
    void aNewCaseIsStoredNumberedAndFoundByVoiceAtOnce() {
        String token = login("bking");
        JsonNode created = postJson(token, "/api/v1/cases", Map.of("title", "Abernathy v. Coastal Freight",
                "matterType", "personal_injury", "clientName", "Lucinda Abernathy"));
        assertThat(created.get("number").asText()).matches("\\d{4}-PI-\\d{4}");
        assertThat(created.get("status").asText()).isEqualTo("open");
        JsonNode read = get(token, "/api/v1/cases/" + created.get("id").asText());
        assertThat(read.get("title").asText()).isEqualTo("Abernathy v. Coastal Freight");
        assertThat(read.get("clientId").asText()).isEqualTo(created.get("clientId").asText());

        JsonNode command = postJson(token, "/api/v1/assistant/commands", Map.of("text", "open the Abernathy case"));
        assertThat(command.get("status").asText()).isEqualTo("done");
        assertThat(command.at("/slots/case").asText()).isEqualTo(created.get("id").asText());
    }

    @Test
    void badRequestsAreAnsweredWithProblemsAndChangeNothing() {
        String token = login("ahale");
        int before = caseCount();
        assertThat(assertProblem(client().post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"Broken").exchange(), 400)
                .get("detail").asText()).contains("not valid JSON");
        assertProblem(client().post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("clientName", "No Title")).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "X v. Y", "clientName", "X", "matterType", "Personal Injury!"))
                .exchange(), 400);
        assertProblem(client().post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "X v. Y", "clientId", UUID.randomUUID().toString())).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Dup", "clientName", "Dup", "number", "2025-PI-0012")).exchange(), 409);
        assertProblem(client().get().uri("/api/v1/cases/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(token))
                .exchange(), 404);
        assertThat(assertProblem(client().get().uri("/api/v1/cases/not-a-case-id")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400).get("detail").asText())
                .contains("'not-a-case-id' is not a valid value for 'id'");
        assertThat(assertProblem(client().get().uri("/api/v1/no-such-thing").headers(h -> h.setBearerAuth(token))
                .exchange(), 404).get("detail").asText()).contains("/api/v1/no-such-thing");
        assertProblem(client().get().uri("/api/v1/cases?size=100000").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertThat(caseCount()).isEqualTo(before);
        assertThat(get(token, "/api/v1/cases/" + caseId("2025-PI-0012")).get("title").asText())
                .isEqualTo("Miller v. Acme Trucking");
    }

    @Test
    void aCaseCanBeClosedAndItsPartiesAndDocumentsListed() {
        String token = login("mortiz");
        String id = caseId("2026-C-0008");
        JsonNode patched = client().patch().uri("/api/v1/cases/" + id).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "closed", "closedOn", "2026-11-20")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(patched.get("status").asText()).isEqualTo("closed");
        assertThat(patched.get("closedOn").asText()).isEqualTo("2026-11-20");
        assertThat(get(token, "/api/v1/cases/" + caseId("2025-PI-0012") + "/parties").findValuesAsText("role"))
                .contains("client", "opposing_party", "opposing_counsel", "insurer", "judge");
        assertThat(get(token, "/api/v1/cases/" + caseId("2025-PI-0012") + "/documents").findValuesAsText("name"))
                .contains("Police Report - I-95 Collision");
    }
}
