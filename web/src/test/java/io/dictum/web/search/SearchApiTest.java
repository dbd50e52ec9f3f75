package io.dictum.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.List;
import java.util.Map;
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
    void theResponseSaysHowItRankedAndAdministratorsSeeTheIndexStatus() {
        // The shared test application runs with hybrid search off: BM25, no vector build.
        assertThat(get(login("ahale"), "/api/v1/search?q=acme").get("ranking").asText()).isEqualTo("bm25");
        JsonNode status = get(login("admin"), "/api/v1/admin/search/status");
        assertThat(status.get("hybrid").asBoolean()).isFalse();
        assertThat(status.get("ranking").asText()).isEqualTo("bm25");
        assertThat(status.get("vectors").get("state").asText()).isEqualTo("OFF");
        assertProblem(client().get().uri("/api/v1/admin/search/status").headers(h -> h.setBearerAuth(
                login("ahale"))).exchange(), 403);
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

    @Test
    void contactsAreFoundByNameAliasAndEmailButOnlyByFirmMembers() {
        String partner = login("ahale");
        JsonNode contact = postJson(partner, "/api/v1/contacts", Map.of("name", "Philippa Vandersloot",
                "aliases", List.of("Pip Sloot"), "email", "pvandersloot@harbourlight.example"));
        String id = contact.get("id").asText();
        for (String q : List.of("vandersloot", "sloot", "pvandersloot@harbourlight.example", "vanders*")) {
            JsonNode hit = only(get(partner, "/api/v1/search?q=" + q).get("hits"), id);
            assertThat(hit.get("kind").asText()).as(q).isEqualTo("contact");
            assertThat(hit.get("type").asText()).isEqualTo("contact");
            assertThat(hit.get("link").asText()).isEqualTo("/api/v1/contacts/" + id);
            assertThat(hit.get("title").asText()).isEqualTo("Philippa Vandersloot");
            assertThat(hit.hasNonNull("caseId")).isFalse();
        }
        assertThat(get(login("smiller"), "/api/v1/search?q=vandersloot").get("hits")).isEmpty();
        // A contact belongs to no case: a search within a case leaves contacts out.
        assertThat(get(partner, "/api/v1/search?q=vandersloot&caseId=" + caseId("2025-PI-0012")).get("hits"))
                .isEmpty();
    }

    @Test
    void notesAreFoundByFirmMembersNeverByClientsNorBehindAWall() {
        String partner = login("ahale");
        String miller = caseId("2025-PI-0012");
        JsonNode note = postJson(partner, "/api/v1/cases/" + miller + "/notes",
                Map.of("text", "Adjuster mentioned a quindecennial reserve figure on the phone."));
        String noteId = note.get("id").asText();
        JsonNode hit = only(get(login("bking"), "/api/v1/search?q=quindecennial").get("hits"), noteId);
        assertThat(hit.get("kind").asText()).isEqualTo("note");
        assertThat(hit.get("caseId").asText()).isEqualTo(miller);
        assertThat(hit.get("link").asText()).isEqualTo("/api/v1/cases/" + miller + "/notes");
        assertThat(hit.get("title").asText()).startsWith("Note by ahale on ");
        assertThat(hit.get("highlights").toString()).contains("<mark>quindecennial</mark>");
        assertThat(get(partner, "/api/v1/search?q=quindecennial&caseId=" + miller).get("hits")
                .findValuesAsText("id")).containsExactly(noteId);
        // Miller is smiller's own case, and still she never sees the firm's notes on it.
        assertThat(get(login("smiller"), "/api/v1/search?q=quindecennial").get("hits")).isEmpty();

        String walled = postJson(partner, "/api/v1/cases", Map.of("title", "Ostrander v. Pellworth Mills",
                "clientName", "Ingeborg Ostrander")).get("id").asText();
        postJson(partner, "/api/v1/cases/" + walled + "/notes", Map.of("text", "Pellworth settlement zugzwang memo"));
        String bkingId = null;
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals("bking")) {
                bkingId = u.get("id").asText();
            }
        }
        assertThat(get(login("bking"), "/api/v1/search?q=zugzwang").get("hits").findValuesAsText("kind"))
                .containsExactly("note");
        postJson(partner, "/api/v1/cases/" + walled + "/screens", Map.of("userId", bkingId));
        assertThat(get(login("bking"), "/api/v1/search?q=zugzwang").get("hits")).isEmpty();
        assertThat(get(login("bking"), "/api/v1/search?q=ostrander").get("hits").findValuesAsText("kind"))
                .as("the client contact is firm data, the walled case is not").containsExactly("contact");
        assertThat(get(partner, "/api/v1/search?q=zugzwang").get("hits").findValuesAsText("kind"))
                .containsExactly("note");
    }

    private static JsonNode only(JsonNode hits, String id) {
        for (JsonNode hit : hits) {
            if (hit.get("id").asText().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + hits);
    }
}
