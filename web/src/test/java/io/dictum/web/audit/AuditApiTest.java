package io.dictum.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class AuditApiTest extends WebTestSupport {

    @Autowired
    DatabaseClient db;

    @Test
    void changesAndDocumentReadsAreRecordedWithWhoAndFromWhere() {
        String token = login("bking");
        JsonNode created = postJson(token, "/api/v1/cases", Map.of("title", "Whitaker v. Pines Resort",
                "matterType", "personal_injury", "clientName", "Joan Whitaker"));
        String caseId = created.get("id").asText();
        client().patch().uri("/api/v1/cases/" + caseId).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("court", "Superior Court of Maine")).exchange().expectStatus().isOk();
        String miller = caseId("2025-PI-0012");
        String doc = get(token, "/api/v1/cases/" + miller + "/documents").get(0).get("id").asText();
        client().get().uri("/api/v1/documents/" + doc + "/content").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();

        JsonNode trail = get(token, "/api/v1/audit?caseId=" + caseId);
        assertThat(trail.findValuesAsText("action")).containsExactly("case.update", "case.create");
        assertThat(trail.get(1).get("actorName").asText()).isEqualTo("bking");
        assertThat(trail.get(1).get("origin").asText()).contains("127.0.0.1");
        assertThat(trail.get(0).get("details").asText()).contains("Superior Court of Maine");
        assertThat(get(token, "/api/v1/audit?caseId=" + miller).findValuesAsText("action")).contains("document.read");
    }

    @Test
    void signInsAreRecordedAndOnlyOversightReadsTheWholeTrail() {
        client().post().uri("/api/v1/auth/login").bodyValue(Map.of("username", "tom", "password", "guess-again"))
                .exchange().expectStatus().isUnauthorized();
        JsonNode all = get(login("ahale"), "/api/v1/audit?limit=50");
        assertThat(all.findValuesAsText("action")).contains("auth.login", "auth.login_failed");
        assertProblem(client().get().uri("/api/v1/audit").headers(h -> h.setBearerAuth(login("sarah"))).exchange(),
                403);
        assertProblem(client().get().uri("/api/v1/audit/verify").headers(h -> h.setBearerAuth(login("tom")))
                .exchange(), 403);
        assertProblem(client().get().uri("/api/v1/audit?caseId=" + caseId("2025-PI-0012"))
                .headers(h -> h.setBearerAuth(login("smiller"))).exchange(), 403);
    }

    @Test
    void tamperingWithTheTableIsDetected() {
        String admin = login("admin");
        assertThat(get(admin, "/api/v1/audit/verify").get("valid").asBoolean()).isTrue();
        Long seq = db.sql("SELECT MIN(seq) AS s FROM audit_records WHERE action = 'auth.login'")
                .map(r -> r.get("s", Long.class)).one().block();
        String original = db.sql("SELECT actor_name FROM audit_records WHERE seq = :s").bind("s", seq)
                .map(r -> r.get("actor_name", String.class)).one().block();
        try {
            db.sql("UPDATE audit_records SET actor_name = 'someone-else' WHERE seq = :s").bind("s", seq).then()
                    .block();
            JsonNode broken = get(admin, "/api/v1/audit/verify");
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(seq);
        } finally {
            db.sql("UPDATE audit_records SET actor_name = :n WHERE seq = :s").bind("n", original).bind("s", seq)
                    .then().block();
        }
        assertThat(get(admin, "/api/v1/audit/verify").get("valid").asBoolean()).isTrue();
    }
}
