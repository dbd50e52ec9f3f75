package io.dictum.web.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Every list pages and sorts the same way: arrays as before, the page in X-Total-Count and Link headers. */
class PagingApiTest extends WebTestSupport {

    private EntityExchangeResult<JsonNode> list(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void casesPageWithTotalAndLinksAndSortByWhitelistedFields() {
        String token = login("ahale");
        int all = caseCount();
        EntityExchangeResult<JsonNode> first = list(token, "/api/v1/cases?size=2&status=open&sort=title,asc");
        HttpHeaders headers = first.getResponseHeaders();
        assertThat(first.getResponseBody()).hasSize(2);
        long open = Long.parseLong(headers.getFirst("X-Total-Count"));
        assertThat(open).isBetween(3L, (long) all);
        String link = headers.getFirst("Link");
        assertThat(link).contains("page=1", "rel=\"next\"", "rel=\"last\"", "status=open", "sort=title,asc")
                .doesNotContain("rel=\"prev\"");

        List<String> titles = new ArrayList<>();
        for (int page = 0; page * 2 < open; page++) {
            titles.addAll(texts(list(token, "/api/v1/cases?size=2&status=open&sort=title,asc&page=" + page)
                    .getResponseBody(), "title"));
        }
        assertThat(titles).hasSize((int) open).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<String> numbersDesc = texts(list(token, "/api/v1/cases?size=200&sort=number,desc").getResponseBody(),
                "number");
        assertThat(numbersDesc).hasSize(all).isSortedAccordingTo(Comparator.reverseOrder());
        // The first form of the list (no sort) is unchanged: newest first.
        List<String> opened = texts(get(token, "/api/v1/cases?size=200"), "openedOn");
        assertThat(opened).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void anUnknownSortFieldIsAProblemListingTheAllowedOnes() {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        Map<String, String> expected = Map.of(
                "/api/v1/cases?sort=client", "number, title, openedOn",
                "/api/v1/contacts?sort=phone", "name, kind, email, createdAt",
                "/api/v1/cases/" + miller + "/documents?sort=author", "name, kind, updatedAt",
                "/api/v1/tasks?sort=assignee", "dueOn, createdAt, status",
                "/api/v1/audit?sort=hash", "at, action, actor",
                "/api/v1/cases?sort=title,sideways", "title");
        expected.forEach((uri, allowed) -> {
            JsonNode problem = assertProblem(client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange(),
                    400);
            assertThat(problem.get("detail").asText()).as(uri).contains(allowed);
        });
        assertProblem(client().get().uri("/api/v1/contacts?size=201").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertProblem(client().get().uri("/api/v1/tasks?page=-1").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
    }

    @Test
    void contactsDocumentsTasksAndAuditCarryTheirTotals() {
        String token = login("mortiz");
        String miller = caseId("2025-PI-0012");
        for (String uri : List.of("/api/v1/contacts?size=3&sort=name,desc", "/api/v1/cases/" + miller
                + "/documents?size=1&sort=updatedAt,desc", "/api/v1/tasks?size=1&sort=createdAt,desc",
                "/api/v1/audit?size=2&sort=at,desc", "/api/v1/audit?caseId=" + miller + "&size=1&page=1")) {
            EntityExchangeResult<JsonNode> result = list(token, uri);
            long total = Long.parseLong(result.getResponseHeaders().getFirst("X-Total-Count"));
            assertThat(result.getResponseBody().size()).as(uri).isEqualTo((int) Math.min(total,
                    uri.contains("size=3") ? 3 : uri.contains("size=2") ? 2 : 1));
            assertThat(result.getResponseHeaders().getFirst("Link")).as(uri).contains("rel=\"first\"");
        }
        List<String> names = texts(list(token, "/api/v1/contacts?size=200&sort=name,desc").getResponseBody(),
                "name");
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        // The audit trail's first form, limit alone, still answers as before.
        assertThat(get(token, "/api/v1/audit?limit=3")).hasSize(3);
    }
}
