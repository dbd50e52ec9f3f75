package io.dictum.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A user behind an ethical wall sees nothing of the case, on every path; colleagues see it as before. */
class EthicalWallTest extends WebTestSupport {

    private String userId(String username) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError(username);
    }

    @Test
    void aScreenedUserSeesNothingOfTheCase() {
        String partner = login("ahale");
        String garza = caseId("2024-E-0009");
        String tomId = userId("tom");
        postJson(partner, "/api/v1/cases/" + garza + "/team", Map.of("userId", tomId));
        assertThat(get(partner, "/api/v1/cases/" + garza + "/team").findValuesAsText("username")).contains("tom");

        assertProblem(client().post().uri("/api/v1/cases/" + garza + "/screens").headers(h -> h.setBearerAuth(
                login("bking"))).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", tomId))
                .exchange(), 403);
        postJson(partner, "/api/v1/cases/" + garza + "/screens",
                Map.of("userId", tomId, "reason", "previously advised the opposing beneficiaries"));
        assertThat(get(partner, "/api/v1/cases/" + garza + "/screens").findValuesAsText("username"))
                .containsExactly("tom");
        assertThat(get(partner, "/api/v1/cases/" + garza + "/team").findValuesAsText("username"))
                .doesNotContain("tom");

        String tom = login("tom");
        assertThat(get(tom, "/api/v1/cases?size=200").findValuesAsText("number")).doesNotContain("2024-E-0009")
                .contains("2025-PI-0012");
        assertProblem(client().get().uri("/api/v1/cases/" + garza).headers(h -> h.setBearerAuth(tom)).exchange(),
                404);
        assertProblem(client().get().uri("/api/v1/cases/" + garza + "/parties").headers(h -> h.setBearerAuth(tom))
                .exchange(), 404);
        JsonNode voice = postJson(tom, "/api/v1/assistant/commands", Map.of("text", "open the Garza case"));
        assertThat(voice.get("status").asText()).isEqualTo("rejected");
        assertThat(voice.toString()).doesNotContain("Garza Family Trust");
        JsonNode conflicts = postJson(tom, "/api/v1/conflicts/check", Map.of("name", "Elena Garza")).get("hits");
        assertThat(conflicts.size()).isGreaterThan(0);
        assertThat(conflicts.toString()).doesNotContain("Garza Family Trust").doesNotContain("2024-E-0009")
                .contains("screened");
        assertProblem(client().post().uri("/api/v1/cases/" + garza + "/team").headers(h -> h.setBearerAuth(partner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", tomId)).exchange(), 400);

        // colleagues are unaffected
        assertThat(get(login("sarah"), "/api/v1/cases/" + garza).get("title").asText())
                .isEqualTo("Garza Family Trust");
        assertThat(get(partner, "/api/v1/audit?caseId=" + garza).findValuesAsText("action"))
                .contains("wall.screen", "team.add");
    }
}
