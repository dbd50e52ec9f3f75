package io.dictum.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import org.junit.jupiter.api.Test;

class SearchApiTest extends WebTestSupport {

    @Test
    void oneQueryFindsCasesAndDocumentsWithHighlights() {
        String token = login("ahale");
        JsonNode hits = get(token, "/api/v1/search?q=tractor-trailer").get("hits");
        assertThat(hits.findValuesAsText("title")).contains("Police Report - I-95 Collision");
        JsonNode report = hits.get(0);
        assertThat(report.get("type").asText()).isEqualTo("document");
        assertThat(report.get("caseId").asText()).isEqualTo(caseId("2025-PI-0012"));
        assertThat(report.get("highlights").toString()).contains("<mark>tractor</mark>");

        JsonNode acme = get(token, "/api/v1/search?q=acme").get("hits");
        assertThat(acme.findValuesAsText("type")).contains("case");
        assertThat(acme.findValuesAsText("title")).contains("Miller v. Acme Trucking", "Johnson v. Acme Insurance");

        JsonNode phrase = get(token, "/api/v1/search?q=\"neck and back pain\"").get("hits");
        assertThat(phrase.findValuesAsText("title")).containsExactly("Police Report - I-95 Collision");
        assertThat(get(token, "/api/v1/search?q=2025-PI-0012").get("hits").findValuesAsText("title"))
                .contains("Miller v. Acme Trucking");
        JsonNode prefix = get(token, "/api/v1/search?q=kowal*").get("hits");
        assertThat(prefix.findValuesAsText("title")).contains("Kowalczyk v. Northside Logistics");
    }

    @Test
    void aClientSearchesOnlyTheirOwnCase() {
        JsonNode hits = get(login("smiller"), "/api/v1/search?q=acme").get("hits");
        assertThat(hits.findValuesAsText("caseId")).containsOnly(caseId("2025-PI-0012"));
    }

    @Test
    void searchWithinOneCaseAndBadQueries() {
        String token = login("bking");
        JsonNode inJohnson = get(token, "/api/v1/search?q=report&caseId=" + caseId("2025-PI-0019")).get("hits");
        assertThat(inJohnson.findValuesAsText("caseId")).containsOnly(caseId("2025-PI-0019"));
        assertProblem(client().get().uri("/api/v1/search").headers(h -> h.setBearerAuth(token)).exchange(), 400);
        assertProblem(client().get().uri("/api/v1/search?q=x&limit=0").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
    }
}
