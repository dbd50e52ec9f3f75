package io.dictum.web.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ConflictApiTest extends WebTestSupport {

    @Test
    void aConflictCheckFindsNicknamesAndSaysWhy() {
        JsonNode result = postJson(login("bking"), "/api/v1/conflicts/check", Map.of("name", "Bob Johnson"));
        JsonNode hits = result.get("hits");
        assertThat(hits.findValuesAsText("contactName")).contains("Robert Johnson");
        JsonNode robert = null;
        for (JsonNode h : hits) {
            if (h.get("contactName").asText().equals("Robert Johnson") && "client".equals(h.path("role").asText())) {
                robert = h;
            }
        }
        assertThat(robert).as("Robert Johnson as client in %s", hits).isNotNull();
        assertThat(robert.get("caseNumber").asText()).isEqualTo("2025-PI-0019");
        assertThat(robert.get("score").asDouble()).isBetween(0.75, 1.0);
        assertThat(robert.get("dangerous").asBoolean()).isFalse();
        assertThat(hits.findValuesAsText("contactName")).doesNotContain("David Johnson");
    }

    @Test
    void aFormerClientProposedAsOpposingPartyIsDangerous() {
        JsonNode hits = postJson(login("ahale"), "/api/v1/conflicts/check",
                Map.of("name", "Miller, Sarah", "role", "opposing_party")).get("hits");
        assertThat(hits.size()).isGreaterThan(0);
        assertThat(hits.get(0).get("dangerous").asBoolean()).isTrue();
        assertThat(hits.get(0).get("reasons").get(0).asText()).contains("client in Miller v. Acme Trucking");
    }

    @Test
    void addingAPartyRunsTheCheckAndKeepsTheParty() {
        String token = login("ahale");
        String delgado = caseId("2026-PI-0004");
        JsonNode added = postJson(token, "/api/v1/cases/" + delgado + "/parties",
                Map.of("name", "Sara Miller", "role", "opposing_party"));
        assertThat(added.at("/party/role").asText()).isEqualTo("opposing_party");
        assertThat(added.get("conflicts").findValuesAsText("caseNumber")).contains("2025-PI-0012");
        assertThat(added.get("conflicts").get(0).get("dangerous").asBoolean()).isTrue();
        assertThat(get(token, "/api/v1/cases/" + delgado + "/parties").findValuesAsText("name"))
                .contains("Sara Miller");

        assertProblem(client().post().uri("/api/v1/cases/" + delgado + "/parties")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contactId", added.at("/party/contactId").asText(), "role", "opposing_party"))
                .exchange(), 409);
        assertProblem(client().post().uri("/api/v1/cases/" + delgado + "/parties")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Someone", "role", "best_friend")).exchange(), 400);
    }

    @Test
    void contactsAreTheFirmsAndValidated() {
        String token = login("sarah");
        JsonNode created = postJson(token, "/api/v1/contacts", Map.of("name", "Harbor Point Developers LLC",
                "kind", "organization", "aliases", java.util.List.of("Harbor Point"), "email", "legal@harborpoint.example"));
        assertThat(created.get("kind").asText()).isEqualTo("organization");
        assertThat(get(token, "/api/v1/contacts/" + created.get("id").asText()).get("aliases").get(0).asText())
                .isEqualTo("Harbor Point");
        assertProblem(client().post().uri("/api/v1/contacts").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "X", "kind", "robot")).exchange(),
                400);
        assertProblem(client().post().uri("/api/v1/contacts").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "X", "email", "nope")).exchange(),
                400);
        String client = login("smiller");
        assertProblem(client().get().uri("/api/v1/contacts").headers(h -> h.setBearerAuth(client)).exchange(), 403);
        assertProblem(client().post().uri("/api/v1/conflicts/check").headers(h -> h.setBearerAuth(client))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Acme")).exchange(), 403);
    }
}
