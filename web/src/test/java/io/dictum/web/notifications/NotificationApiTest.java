package io.dictum.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.core.cases.CaseId;
import io.dictum.core.notifications.NewNotification;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.UserId;
import io.dictum.web.WebTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class NotificationApiTest extends WebTestSupport {

    @Autowired NotificationService notifications;
    @Autowired org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext server;

    private UserId userId(String username) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                return UserId.parse(u.get("id").asText());
            }
        }
        throw new AssertionError(username);
    }

    @Test
    void notificationsAreListedAndMarkedRead() {
        UserId bking = userId("bking");
        String miller = caseId("2025-PI-0012");
        var sent = notifications.send(new NewNotification(bking, "test.note", "Hearing moved, Miller",
                "The hearing moved to Friday.", "/api/v1/cases/" + miller, CaseId.parse(miller))).block();
        assertThat(sent).isNotNull();
        String token = login("bking");
        JsonNode unread = get(token, "/api/v1/notifications?unread=true");
        assertThat(unread.findValuesAsText("id")).contains(sent.id().toString());
        JsonNode mine = unread.get(unread.findValuesAsText("id").indexOf(sent.id().toString()));
        assertThat(mine.get("kind").asText()).isEqualTo("test.note");
        assertThat(mine.get("caseId").asText()).isEqualTo(miller);

        client().post().uri("/api/v1/notifications/" + sent.id() + "/read").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNoContent();
        assertThat(get(token, "/api/v1/notifications?unread=true").findValuesAsText("id"))
                .doesNotContain(sent.id().toString());
        assertThat(get(token, "/api/v1/notifications").findValuesAsText("id")).contains(sent.id().toString());
        // someone else's notification, or none at all, is not found
        assertProblem(client().post().uri("/api/v1/notifications/" + sent.id() + "/read")
                .headers(h -> h.setBearerAuth(login("sarah"))).exchange(), 404);
        assertProblem(client().post().uri("/api/v1/notifications/" + UUID.randomUUID() + "/read")
                .headers(h -> h.setBearerAuth(token)).exchange(), 404);
        assertProblem(client().post().uri("/api/v1/notifications/nope/read")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400);
    }

    @Test
    void aScreenedUserReceivesNothingAboutTheScreenedCase() {
        // tom is screened from Garza 2024-E-0009 by the shared fixture of EthicalWallTest; screen him here as well
        String garza = caseId("2024-E-0009");
        UserId tom = userId("tom");
        client().post().uri("/api/v1/cases/" + garza + "/screens").headers(h -> h.setBearerAuth(login("ahale")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("userId", tom.toString())).exchange()
                .expectStatus().is2xxSuccessful();
        assertThat(notifications.send(new NewNotification(tom, "test.note", "About Garza", null, null,
                CaseId.parse(garza))).blockOptional()).isEmpty();
        // nor does a client about a case not theirs
        assertThat(notifications.send(new NewNotification(userId("smiller"), "test.note", "Not yours", null, null,
                CaseId.parse(caseId("2025-PI-0019")))).blockOptional()).isEmpty();
        assertThat(get(login("tom"), "/api/v1/notifications").findValuesAsText("caseId")).doesNotContain(garza);

        // a wall raised after the notification was made hides it too
        UserId sarah = userId("sarah");
        String title = "Before the wall " + UUID.randomUUID();
        String caseId = postJson(login("ahale"), "/api/v1/cases", Map.of("title", "Wall Later v. Notice",
                "clientName", "Later Client")).get("id").asText();
        notifications.send(new NewNotification(sarah, "test.note", title, null, null, CaseId.parse(caseId))).block();
        assertThat(get(login("sarah"), "/api/v1/notifications").findValuesAsText("title")).contains(title);
        postJson(login("ahale"), "/api/v1/cases/" + caseId + "/screens", Map.of("userId", sarah.toString()));
        assertThat(get(login("sarah"), "/api/v1/notifications").findValuesAsText("title")).doesNotContain(title);
    }

    @Test
    void theStreamDeliversNewNotificationsWithTheTokenInTheQueryForBrowsers() {
        UserId bking = userId("bking");
        String token = login("bking");
        String title = "Live " + UUID.randomUUID();
        WebClient web = WebClient.create("http://127.0.0.1:" + server.getWebServer().getPort());
        Flux<ServerSentEvent<JsonNode>> events = web.get().uri("/api/v1/notifications/stream?token=" + token)
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .filter(e -> "notification".equals(e.event()) || "connected".equals(e.comment()));
        StepVerifier.create(events.take(2))
                .assertNext(e -> assertThat(e.comment()).isEqualTo("connected"))
                .then(() -> {
                    // a notification for someone else first: it must not appear on bking's stream
                    notifications.send(new NewNotification(userId("sarah"), "test.note", "Not for bking", null,
                            null, null)).block();
                    notifications.send(new NewNotification(bking, "test.note", title, null, null, null)).block();
                })
                .assertNext(e -> assertThat(e.data().get("title").asText()).isEqualTo(title))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        // the query token works on this path alone, and a missing or bad token is refused
        client().get().uri("/api/v1/notifications?token=" + token).exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/notifications/stream").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/notifications/stream?token=forged").exchange().expectStatus().isUnauthorized();
    }
}
