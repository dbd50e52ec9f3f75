package io.dictum.web.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every paged list reads page, size and sort through one resolver: a bad value is the same 400 problem on every
 * list, naming the parameter as any other query parameter's problem does, and it is found in the same order as
 * the endpoint's other checks.
 */
class PagingParametersApiTest extends WebTestSupport {

    private static final String RANGE = "page must be 0 or more and size between 1 and 200";

    @LocalServerPort
    int port;

    /** Sent raw (already encoded), as a client may send them. */
    private WebTestClient.ResponseSpec send(String token, String uri) {
        return client().get().uri(URI.create("http://127.0.0.1:" + port + uri)).headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private List<String> pagedLists(String token) {
        String caseId = caseId("2025-PI-0012");
        String documentId = get(token, "/api/v1/cases/" + caseId + "/documents").get(0).get("id").asText();
        return List.of("/api/v1/cases", "/api/v1/contacts", "/api/v1/cases/" + caseId + "/parties",
                "/api/v1/cases/" + caseId + "/documents", "/api/v1/cases/" + caseId + "/notes",
                "/api/v1/documents/" + documentId + "/versions", "/api/v1/tasks", "/api/v1/time-entries",
                "/api/v1/expenses", "/api/v1/invoices", "/api/v1/audit", "/api/v1/audit?caseId=" + caseId,
                "/api/v1/deadlines", "/api/v1/notifications");
    }

    /** What each bad value of {@code name} is answered with, on every list. */
    private static Map<String, String> badValues(String name) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("-1", RANGE);
        expected.put("abc", "'abc' is not a valid value for '" + name + "': 'abc' is not a whole decimal number.");
        expected.put("%20", "' ' is not a valid value for '" + name + "': a number is required.");
        expected.put("0x10", "'0x10' is not a valid value for '" + name + "': '0x10' is not a whole decimal number.");
        expected.put("1.5", "'1.5' is not a valid value for '" + name + "': '1.5' is not a whole decimal number.");
        expected.put("99999999999", "'99999999999' is not a valid value for '" + name
                + "': For input string: \"99999999999\".");
        expected.put("99999999999999999999", "'99999999999999999999' is not a valid value for '" + name
                + "': '99999999999999999999' is not a whole decimal number.");
        expected.put("x&" + name + "=1", "'[x, 1]' is not a valid value for '" + name + "': For input string: \"x\".");
        return expected;
    }

    @Test
    void aBadPageOrSizeIsTheSameProblemOnEveryList() {
        String token = login("ahale");
        List<String> wrong = new ArrayList<>();
        for (String list : pagedLists(token)) {
            for (String name : List.of("page", "size")) {
                Map<String, String> expected = badValues(name);
                if (name.equals("size")) {
                    expected.put("0", RANGE);
                    expected.put("201", RANGE);
                }
                expected.forEach((value, detail) -> {
                    String uri = list + (list.contains("?") ? "&" : "?") + name + "=" + value;
                    JsonNode problem = assertProblem(send(token, uri), 400);
                    if (!problem.get("detail").asText().equals(detail)) {
                        wrong.add(uri + " -> " + problem.get("detail").asText());
                    }
                });
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void emptyValuesMeanTheListsDefaultsAndRepeatedGoodValuesTheFirst() {
        String token = login("ahale");
        EntityExchangeResult<JsonNode> cases = send(token, "/api/v1/cases?page=&size=&sort=").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
        int all = caseCount();
        assertThat(cases.getResponseBody()).hasSize(Math.min(all, 50));
        assertThat(send(token, "/api/v1/cases?size=1&size=2").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody()).hasSize(1);
        // Two sort values are read as one, joined by a comma: field and direction.
        List<String> titles = new ArrayList<>();
        send(token, "/api/v1/cases?size=200&sort=title&sort=desc").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().forEach(c -> titles.add(c.get("title").asText()));
        assertThat(titles).hasSize(all).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
    }

    @Test
    void theEndpointsOwnChecksComeFirstAsBefore() {
        String token = login("ahale");
        // a later parameter's bad value is found before the page's range
        assertThat(assertProblem(send(token, "/api/v1/cases?page=-1&status=bogus"), 400).get("detail").asText())
                .contains("'bogus'", "'status'");
        // who may read comes before the page's range; limit's range before either
        assertProblem(send(login("smiller"), "/api/v1/audit?page=-1"), 403);
        assertThat(assertProblem(send(token, "/api/v1/audit?limit=0&page=-1"), 400).get("detail").asText())
                .contains("limit");
        // limit with empty paging parameters is still the first, unpaged form of the audit trail
        EntityExchangeResult<JsonNode> unpaged = send(token, "/api/v1/audit?limit=2&page=&size=").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
        assertThat(unpaged.getResponseBody()).hasSize(2);
        assertThat(unpaged.getResponseHeaders().getFirst(PageResponses.TOTAL_COUNT)).isNull();
    }
}
