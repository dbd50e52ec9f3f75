package io.dictum.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One policy on every path: each endpoint refuses a missing token, a client user is refused everything firm-internal,
 * a user behind an ethical wall gets 404 for everything of that case, and malformed input is always a 4xx.
 */
class EndpointMatrixTest extends WebTestSupport {

    record Endpoint(HttpMethod method, String path, String body, boolean clientMay, MediaType type) {
        Endpoint(HttpMethod method, String path, String body, boolean clientMay) {
            this(method, path, body, clientMay, MediaType.APPLICATION_JSON);
        }
    }

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /**
     * Every endpoint, with a case and one of its documents filled in; {@link EndpointFuzzTest} sends its random input
     * to each of them.
     */
    static List<Endpoint> endpoints(String caseId, String documentId) {
        String c = "/api/v1/cases/" + caseId;
        String p = "/api/v1/portal/cases/" + caseId;
        String d = "/api/v1/documents/" + documentId;
        return List.of(
                new Endpoint(HttpMethod.GET, "/api/v1/cases", null, true),
                new Endpoint(HttpMethod.POST, "/api/v1/cases", "{\"title\":\"T\",\"clientName\":\"X\"}", false),
                new Endpoint(HttpMethod.GET, c, null, true),
                new Endpoint(HttpMethod.PATCH, c, "{\"court\":\"X\"}", false),
                new Endpoint(HttpMethod.GET, c + "/parties", null, true),
                new Endpoint(HttpMethod.POST, c + "/parties", "{\"name\":\"Q Z\",\"role\":\"witness\"}", false),
                new Endpoint(HttpMethod.GET, c + "/team", null, false),
                new Endpoint(HttpMethod.GET, c + "/screens", null, false),
                new Endpoint(HttpMethod.GET, c + "/notes", null, false),
                new Endpoint(HttpMethod.POST, c + "/notes", "{\"text\":\"x\"}", false),
                new Endpoint(HttpMethod.GET, c + "/events", null, false),
                new Endpoint(HttpMethod.POST, c + "/events", "{\"trigger\":\"motion_served\",\"date\":\"2026-12-01\"}",
                        false),
                new Endpoint(HttpMethod.PATCH, c + "/events/" + UUID.randomUUID(), "{\"date\":\"2026-12-02\"}", false),
                new Endpoint(HttpMethod.PATCH, "/api/v1/deadlines/" + UUID.randomUUID(), "{\"status\":\"done\"}",
                        false),
                new Endpoint(HttpMethod.GET, "/api/v1/appointments?caseId=" + caseId, null, false),
                new Endpoint(HttpMethod.POST, c + "/appointments", "{\"title\":\"Mediation\",\"date\":\"2026-12-10\","
                        + "\"time\":\"13:30\"}", false),
                new Endpoint(HttpMethod.DELETE, "/api/v1/appointments/" + UUID.randomUUID(), null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/notifications?unread=true", null, true),
                new Endpoint(HttpMethod.POST, "/api/v1/notifications/" + UUID.randomUUID() + "/read", null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/calendar/feeds", null, true),
                new Endpoint(HttpMethod.POST, "/api/v1/calendar/feeds", "{\"caseId\":\"" + caseId + "\"}", false),
                new Endpoint(HttpMethod.DELETE, "/api/v1/calendar/feeds/" + UUID.randomUUID(), null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/audit?caseId=" + caseId, null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/tasks?caseId=" + caseId, null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/tasks", "{\"description\":\"x\",\"caseId\":\"" + caseId + "\"}",
                        false),
                new Endpoint(HttpMethod.GET, "/api/v1/time-entries?caseId=" + caseId, null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/time-entries", "{\"caseId\":\"" + caseId
                        + "\",\"minutes\":6,\"description\":\"x\"}", false),
                new Endpoint(HttpMethod.GET, "/api/v1/time-entries/summary?caseId=" + caseId, null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/time-entries/totals?caseId=" + caseId, null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/invoices", "{\"caseId\":\"" + caseId + "\"}", false),
                new Endpoint(HttpMethod.GET, "/api/v1/contacts", null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/contacts", "{\"name\":\"X\"}", false),
                new Endpoint(HttpMethod.POST, "/api/v1/conflicts/check", "{\"name\":\"Acme\"}", false),
                new Endpoint(HttpMethod.GET, "/api/v1/users", null, false),
                new Endpoint(HttpMethod.PATCH, "/api/v1/users/" + UUID.randomUUID(), "{\"displayName\":\"X\"}", false),
                new Endpoint(HttpMethod.GET, "/api/v1/me", null, true),
                // the demo client's own name again: allowed, and it changes nothing the shared context relies on
                new Endpoint(HttpMethod.PATCH, "/api/v1/me", "{\"displayName\":\"Sarah Miller\"}", true),
                new Endpoint(HttpMethod.GET, "/api/v1/audit/verify", null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/templates", null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/rates", null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/search?q=acme", null, true),
                new Endpoint(HttpMethod.GET, "/api/v1/deadlines", null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/assistant/interpret", "{\"text\":\"open the Miller case\"}", true),
                new Endpoint(HttpMethod.GET, c + "/documents", null, true),
                new Endpoint(HttpMethod.GET, d, null, false),
                new Endpoint(HttpMethod.GET, d + "/versions", null, false),
                new Endpoint(HttpMethod.GET, d + "/content", null, false),
                new Endpoint(HttpMethod.GET, d + "/pdf", null, false),
                new Endpoint(HttpMethod.POST, d + "/shares", null, false),
                new Endpoint(HttpMethod.DELETE, d + "/shares", null, false),
                new Endpoint(HttpMethod.GET, c + "/milestones", null, true),
                new Endpoint(HttpMethod.POST, c + "/milestones", "{\"title\":\"T\",\"date\":\"2026-12-01\"}", false),
                new Endpoint(HttpMethod.PATCH, c + "/milestones/" + UUID.randomUUID(), "{\"title\":\"T\"}", false),
                new Endpoint(HttpMethod.GET, c + "/messages", null, false),
                new Endpoint(HttpMethod.POST, c + "/messages", "{\"text\":\"x\"}", false),
                new Endpoint(HttpMethod.GET, "/api/v1/portal/cases", null, true),
                new Endpoint(HttpMethod.GET, p, null, true),
                new Endpoint(HttpMethod.GET, p + "/documents", null, true),
                new Endpoint(HttpMethod.GET, p + "/documents/" + documentId + "/content", null, false),
                new Endpoint(HttpMethod.GET, p + "/milestones", null, true),
                new Endpoint(HttpMethod.GET, p + "/messages", null, true),
                new Endpoint(HttpMethod.POST, p + "/messages", "{\"text\":\"A question about my case\"}", true),
                new Endpoint(HttpMethod.GET, "/api/v1/admin/encryption", null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/admin/encryption/rewrap", null, false),
                new Endpoint(HttpMethod.GET, "/api/v1/admin/search/status", null, false),
                new Endpoint(HttpMethod.POST, "/api/v1/import/contacts?dryRun=true", "Name\nX\n", false, CSV),
                new Endpoint(HttpMethod.POST, "/api/v1/import/cases?dryRun=true", "Matter Number,Client\nM-1,X\n",
                        false, CSV),
                new Endpoint(HttpMethod.POST, "/api/v1/import/contacts", "Name\n\"X\n", false, CSV),
                new Endpoint(HttpMethod.GET, "/api/v1/import/jobs/" + java.util.UUID.randomUUID(), null, false));
    }

    /**
     * Every endpoint for the case. The demo's documents are not shared with clients, so a client is refused its first
     * document on every path.
     */
    private List<Endpoint> endpoints(String caseId) {
        return endpoints(caseId, firstDocument(caseId));
    }

    /** The case's first document as the firm sees it, or an id of none when it has no documents. */
    String firstDocument(String caseId) {
        JsonNode documents = get(login("ahale"), "/api/v1/cases/" + caseId + "/documents");
        return documents.isEmpty() ? UUID.randomUUID().toString() : documents.get(0).get("id").asText();
    }

    private int status(String token, Endpoint e) {
        var request = client().method(e.method()).uri(e.path()).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
        var spec = e.body() == null ? request : request.contentType(e.type()).bodyValue(e.body());
        return spec.exchange().returnResult(byte[].class).getStatus().value();
    }

    @Test
    void everyEndpointRefusesARequestWithoutAToken() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints(caseId("2025-PI-0012"))) {
            int status = status(null, e);
            if (status != 401) {
                wrong.add(e.method() + " " + e.path() + " -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aClientMayReadTheirOwnCaseAndNothingFirmInternal() {
        String client = login("smiller");
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints(caseId("2025-PI-0012"))) {
            int status = status(client, e);
            boolean ok = e.clientMay() ? status / 100 == 2 : status == 403 || status == 404;
            if (!ok) {
                wrong.add(e.method() + " " + e.path() + " -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
        for (Endpoint e : endpoints(caseId("2025-PI-0019"))) {
            if (e.path().contains(caseId("2025-PI-0019"))) {
                assertThat(status(client, e)).as("%s %s", e.method(), e.path()).isIn(403, 404);
            }
        }
    }

    @Test
    void aUserBehindAnEthicalWallGetsNotFoundForEverythingOfTheCase() {
        String partner = login("mortiz");
        String patel = caseId("2026-RE-0001");
        String sarahId = null;
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals("sarah")) {
                sarahId = u.get("id").asText();
            }
        }
        postJson(partner, "/api/v1/cases/" + patel + "/screens", Map.of("userId", sarahId));
        String sarah = login("sarah");
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints(patel)) {
            if (!e.path().contains(patel)) {
                continue;
            }
            int status = status(sarah, e);
            // the audit trail answers 403 for non-oversight roles before it looks at the case
            // ...and the portal answers 403 to every firm member, whatever the case
            if (status != 404 && !(status == 403 && e.path().contains("/audit")) && !(status == 403
                    && e.path().endsWith("/screens")) && !(status == 403 && e.path().contains("/portal/"))) {
                wrong.add(e.method() + " " + e.path() + " -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(get(sarah, "/api/v1/search?q=patel").findValuesAsText("caseId")).doesNotContain(patel);
        assertThat(get(sarah, "/api/v1/cases?size=200").findValuesAsText("id")).doesNotContain(patel);
    }

    @Test
    void malformedInputToEveryJsonEndpointIsA4xx() {
        String token = login("ahale");
        Random random = new Random(20261127);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints(caseId("2024-MM-0003"))) {
            if (e.body() == null) {
                continue;
            }
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            List<Object> bodies = List.of(noise, deep, "[1,2,3]", "{\"title\":{\"x\":[true]},\"caseId\":42}",
                    "{\"text\":null,\"name\":123,\"date\":\"2026-02-30\",\"minutes\":-5}", "\"just a string\"", "{");
            for (Object body : bodies) {
                int status = client().method(e.method()).uri(e.path()).headers(h -> h.setBearerAuth(token))
                        .contentType(e.type()).bodyValue(body).exchange()
                        .returnResult(byte[].class).getStatus().value();
                if (status / 100 != 4) {
                    wrong.add(e.method() + " " + e.path() + " with " + (body instanceof byte[] ? "random bytes"
                            : body.toString().substring(0, Math.min(40, body.toString().length()))) + " -> "
                            + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The notification stream never ends, so it is checked here rather than in the loop; the calendar file is read
     * by its secret URL alone, so without a valid token it is a 404 for everyone, signed in or not.
     */
    @Test
    void theNotificationStreamAndCalendarFilesFollowTheSamePolicy() {
        client().get().uri("/api/v1/notifications/stream").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/notifications/stream?token=not-a-token").exchange().expectStatus()
                .isUnauthorized();
        String bogus = "/api/v1/calendar/" + "Q".repeat(43) + ".ics";
        assertThat(client().get().uri(bogus).exchange().returnResult(byte[].class).getStatus().value())
                .isEqualTo(404);
        for (String user : List.of("smiller", "sarah", "ahale")) {
            String token = login(user);
            assertThat(client().get().uri(bogus).headers(h -> h.setBearerAuth(token)).exchange()
                    .returnResult(byte[].class).getStatus().value()).as(user).isEqualTo(404);
        }
    }
}
