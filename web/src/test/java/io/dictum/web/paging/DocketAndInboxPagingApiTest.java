package io.dictum.web.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.core.notifications.NewNotification;
import io.dictum.core.notifications.Notification;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.UserId;
import io.dictum.web.WebTestSupport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Docketed deadlines and in-app notifications page like the other lists: a JSON array as before, the page in
 * X-Total-Count and Link headers, sort fields from a whitelist.
 */
class DocketAndInboxPagingApiTest extends WebTestSupport {

    @Autowired
    NotificationService notifications;

    private EntityExchangeResult<JsonNode> list(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
    }

    private static long total(EntityExchangeResult<JsonNode> result) {
        return Long.parseLong(result.getResponseHeaders().getFirst(PageResponses.TOTAL_COUNT));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    /** Every page of {@code uri} at one item a page, following the Link header's next page. */
    private List<String> walk(String token, String uri, long expectedTotal) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < expectedTotal; page++) {
            EntityExchangeResult<JsonNode> result = list(token, uri + "&size=1&page=" + page);
            assertThat(total(result)).isEqualTo(expectedTotal);
            assertThat(result.getResponseBody()).hasSize(1);
            String links = result.getResponseHeaders().getFirst("Link");
            assertThat(links).contains("rel=\"first\"", "rel=\"last\"");
            assertThat(links.contains("rel=\"next\"")).isEqualTo(page < expectedTotal - 1);
            assertThat(links.contains("rel=\"prev\"")).isEqualTo(page > 0);
            ids.addAll(texts(result.getResponseBody(), "id"));
        }
        return ids;
    }

    @Test
    void aCasesDeadlinesPageSoonestFirst() {
        String token = login("ahale");
        ClientCase c = clientCase("Larkspur v. Tideway Docket Paging");
        for (Map<String, String> event : List.of(Map.of("trigger", "judgment_entered", "date", "2027-12-03"),
                Map.of("trigger", "complaint_served", "date", "2027-05-10"))) {
            client().post().uri("/api/v1/cases/" + c.caseId() + "/events").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(event).exchange().expectStatus().isCreated();
        }
        String uri = "/api/v1/deadlines?caseId=" + c.caseId();
        // without paging parameters: the whole (short) list, as before, and its total
        EntityExchangeResult<JsonNode> all = list(token, uri);
        List<String> ids = texts(all.getResponseBody(), "id");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        assertThat(total(all)).isEqualTo(ids.size());
        assertThat(texts(all.getResponseBody(), "dueDate")).isSortedAccordingTo(Comparator.naturalOrder());
        // one at a time: the same deadlines in the same order, none twice
        assertThat(walk(token, uri, ids.size())).containsExactlyElementsOf(ids);
        // sorted by a whitelisted field; an unknown one names those allowed
        assertThat(texts(list(token, uri + "&sort=title,desc").getResponseBody(), "title"))
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        JsonNode problem = assertProblem(client().get().uri(uri + "&sort=citation").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertThat(problem.get("detail").asText()).contains("dueDate", "title", "caseNumber");
        // filters still apply, and count into the total
        EntityExchangeResult<JsonNode> later = list(token, uri + "&from=2027-12-01&size=1");
        assertThat(total(later)).isBetween(1L, ids.size() - 1L);
    }

    @Test
    void notificationsPageNewestFirstAndCountOnlyWhatIsAsked() {
        String username = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode user = postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password",
                DEMO_PASSWORD, "role", "associate", "displayName", "Inbox Paging"));
        UserId recipient = UserId.parse(user.get("id").asText());
        List<Notification> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(notifications.send(new NewNotification(recipient, "test.paging", "Paging " + i, null, null, null))
                    .block());
        }
        String token = login(username);
        client().post().uri("/api/v1/notifications/" + sent.get(0).id() + "/read").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNoContent();

        EntityExchangeResult<JsonNode> all = list(token, "/api/v1/notifications");
        List<String> ids = texts(all.getResponseBody(), "id");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(sent.stream().map(n -> n.id().toString()).toList());
        assertThat(total(all)).isEqualTo(5);
        assertThat(texts(all.getResponseBody(), "createdAt")).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(walk(token, "/api/v1/notifications?unread=false", 5)).containsExactlyElementsOf(ids);

        EntityExchangeResult<JsonNode> unread = list(token, "/api/v1/notifications?unread=true&size=3");
        assertThat(total(unread)).isEqualTo(4);
        assertThat(unread.getResponseBody()).hasSize(3);
        assertThat(texts(unread.getResponseBody(), "id")).doesNotContain(sent.get(0).id().toString());
        assertThat(texts(list(token, "/api/v1/notifications?sort=title").getResponseBody(), "title"))
                .containsExactly("Paging 0", "Paging 1", "Paging 2", "Paging 3", "Paging 4");
    }
}
