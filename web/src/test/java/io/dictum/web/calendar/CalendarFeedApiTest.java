package io.dictum.web.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CalendarFeedApiTest extends WebTestSupport {

    private byte[] fetch(String url) {
        return client().get().uri(URI.create(url).getPath()).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/calendar;charset=utf-8")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** Content lines unfolded: a CRLF followed by a space or tab continues the line before. */
    private static List<String> unfold(String ics) {
        return List.of(ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"));
    }

    private String userId(String username) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError(username);
    }

    @Test
    void aCaseFeedIsValidICalendarWithAllDayDeadlinesAndAlarms() {
        String token = login("bking");
        String caseId = postJson(token, "/api/v1/cases", Map.of("title", "Feed v. Calendar, Inc.; et al.",
                "clientName", "Feed Client")).get("id").asText();
        JsonNode docketed = postJson(token, "/api/v1/cases/" + caseId + "/events", Map.of("trigger",
                "complaint_served", "date", "2032-12-03"));
        String deadlineId = docketed.at("/deadlines/0/id").asText();
        String due = docketed.at("/deadlines/0/dueDate").asText().replace("-", "");

        JsonNode feed = postJson(token, "/api/v1/calendar/feeds", Map.of("caseId", caseId));
        String url = feed.get("url").asText();
        assertThat(url).startsWith("http").endsWith(".ics");
        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        assertThat(secret.length()).isGreaterThanOrEqualTo(43);
        // the list never shows the secret again
        JsonNode listed = get(token, "/api/v1/calendar/feeds");
        assertThat(listed.findValuesAsText("id")).contains(feed.get("id").asText());
        assertThat(listed.toString()).doesNotContain(secret);

        byte[] body = fetch(url);
        String ics = new String(body, StandardCharsets.UTF_8);
        // CRLF line ends only, and no line longer than 75 octets
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("\r\n "); // the long descriptions were folded
        List<String> lines = unfold(ics);
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0", "UID:" + deadlineId + "@dictum", "DTSTART;VALUE=DATE:" + due,
                "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P1D", "END:VALARM", "END:VEVENT");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("DTSTAMP:\\d{8}T\\d{6}Z"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("PRODID:"));
        // TEXT escaping: every comma and semicolon inside a DESCRIPTION is escaped
        String description = lines.stream().filter(l -> l.startsWith("DESCRIPTION:FRCP")).findFirst().orElseThrow();
        assertThat(description.replace("\\,", "").replace("\\;", "").replace("\\n", ""))
                .doesNotContain(",").doesNotContain(";");
        assertThat(description).contains("\\n");
        // a second fetch describes the same events by the same UIDs
        assertThat(unfold(new String(fetch(url), StandardCharsets.UTF_8)).stream()
                .filter(l -> l.startsWith("UID:")).toList())
                .isEqualTo(lines.stream().filter(l -> l.startsWith("UID:")).toList());
    }

    @Test
    void theOwnersAccessAppliesAtEveryFetchAndARevokedFeedIsGone() {
        String token = login("sarah");
        String partner = login("ahale");
        String caseId = postJson(partner, "/api/v1/cases", Map.of("title", "Walled v. Feed", "clientName",
                "Walled Client")).get("id").asText();
        String deadlineId = postJson(partner, "/api/v1/cases/" + caseId + "/events", Map.of("trigger",
                "motion_served", "date", "2032-06-01")).at("/deadlines/0/id").asText();
        String caseFeed = postJson(token, "/api/v1/calendar/feeds", Map.of("caseId", caseId)).get("url").asText();
        String allFeed = postJson(token, "/api/v1/calendar/feeds", Map.of()).get("url").asText();
        assertThat(new String(fetch(allFeed), StandardCharsets.UTF_8)).contains(deadlineId);

        // sarah is screened from the case afterwards: the case feed is gone, the other one no longer shows it
        postJson(partner, "/api/v1/cases/" + caseId + "/screens", Map.of("userId", userId("sarah")));
        assertProblem(client().get().uri(URI.create(caseFeed).getPath()).exchange(), 404);
        assertThat(new String(fetch(allFeed), StandardCharsets.UTF_8)).doesNotContain(deadlineId);

        // revoked: 404, and it leaves the list
        String id = null;
        for (JsonNode f : get(token, "/api/v1/calendar/feeds")) {
            if (!f.has("caseId")) {
                id = f.get("id").asText();
            }
        }
        String feedId = id;
        client().delete().uri("/api/v1/calendar/feeds/" + feedId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
        assertProblem(client().get().uri(URI.create(allFeed).getPath()).exchange(), 404);
        assertThat(get(token, "/api/v1/calendar/feeds").findValuesAsText("id")).doesNotContain(feedId);
        // only the owner can revoke; a second revoke is a 404
        assertProblem(client().delete().uri("/api/v1/calendar/feeds/" + feedId).headers(h -> h.setBearerAuth(token))
                .exchange(), 404);
        List<String> ids = new ArrayList<>();
        get(token, "/api/v1/calendar/feeds").forEach(f -> ids.add(f.get("id").asText()));
        for (String other : ids) {
            assertProblem(client().delete().uri("/api/v1/calendar/feeds/" + other)
                    .headers(h -> h.setBearerAuth(partner)).exchange(), 404);
        }
    }

    @Test
    void badFeedRequestsAreProblems() {
        String token = login("bking");
        assertProblem(client().get().uri("/api/v1/calendar/" + "A".repeat(43) + ".ics").exchange(), 404);
        assertProblem(client().get().uri("/api/v1/calendar/short.ics").exchange(), 404);
        assertProblem(client().post().uri("/api/v1/calendar/feeds").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("caseId", "nope")).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/calendar/feeds").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("caseId", UUID.randomUUID().toString()))
                .exchange(), 404);
        // the docket is the firm's: a client subscribes to no feed, not even of their own case
        assertProblem(client().post().uri("/api/v1/calendar/feeds").headers(h -> h.setBearerAuth(login("smiller")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("caseId", caseId("2025-PI-0012")))
                .exchange(), 403);
        client().get().uri("/api/v1/calendar/feeds").exchange().expectStatus().isUnauthorized();
        assertProblem(client().delete().uri("/api/v1/calendar/feeds/nope").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
    }
}
