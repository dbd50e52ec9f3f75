package io.dictum.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthenticationTest extends WebTestSupport {

    @Test
    void aDemoUserSignsInAndGetsAnExpiringToken() {
        JsonNode body = client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "bking", "password", DEMO_PASSWORD))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body.get("token").asText()).contains(".");
        assertThat(body.get("role").asText()).isEqualTo("associate");
        assertThat(body.get("expiresAt").asText()).isNotBlank();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        JsonNode wrong = assertProblem(client().post().uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "bking", "password", "not-the-password")).exchange(), 401);
        JsonNode unknown = assertProblem(client().post().uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "nobody-here", "password", "whatever1")).exchange(), 401);
        assertThat(wrong.get("detail")).isEqualTo(unknown.get("detail"));
    }

    @Test
    void everyApiPathButLoginNeedsAToken() {
        assertProblem(client().get().uri("/api/v1/cases").exchange(), 401);
        assertProblem(client().post().uri("/api/v1/assistant/commands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "open the Miller case")).exchange(), 401);
        assertProblem(client().post().uri("/api/v1/speech/transcribe").contentType(MediaType.valueOf("audio/wav"))
                .bodyValue(new byte[] {1, 2, 3}).exchange(), 401);
        assertProblem(client().get().uri("/api/v1/cases").headers(h -> h.setBearerAuth("not.a.token")).exchange(),
                401);
    }

    @Test
    void aTokenAlteredOnlyInTheSpareBitsOfItsSignatureIsRefused() {
        String token = login("bking");
        client().get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        // the signature's last character carries two bits the decoded bytes never see: flip one of them
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(java.util.Base64.getUrlDecoder().decode(altered.substring(altered.lastIndexOf('.') + 1)))
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));
        assertProblem(client().get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(altered)).exchange(), 401);
    }

    @Test
    void healthIsOpenForLoadBalancers() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void onlyAnAdministratorManagesUsers() {
        assertProblem(client().get().uri("/api/v1/users").headers(h -> h.setBearerAuth(login("ahale"))).exchange(),
                403);
        JsonNode users = get(login("admin"), "/api/v1/users");
        assertThat(users.findValuesAsText("username")).contains("ahale", "smiller");
        assertThat(users.toString()).doesNotContain("password").doesNotContain("$2a$");
    }

    /** A fresh user for a test that changes its account (reruns get a new one). */
    private String newUser(String prefix) {
        String username = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password", DEMO_PASSWORD,
                "role", "associate", "displayName", "Test " + username));
        return username;
    }

    @Test
    void signingOutVoidsThatTokenOnly() {
        String first = login("bking");
        String second = login("bking");
        client().post().uri("/api/v1/auth/logout").headers(h -> h.setBearerAuth(first)).exchange()
                .expectStatus().isNoContent();
        JsonNode refused = assertProblem(client().get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(first))
                .exchange(), 401);
        assertThat(refused.get("detail").asText()).contains("signed out");
        client().get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(second)).exchange().expectStatus().isOk();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
        String username = newUser("lockout-test");
        for (int i = 0; i < 5; i++) {
            assertProblem(client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", username, "password", "wrong-" + i)).exchange(), 401);
        }
        JsonNode locked = assertProblem(client().post().uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", DEMO_PASSWORD)).exchange(), 429);
        assertThat(locked.get("detail").asText()).contains("Too many failed sign-ins").contains("administrator");
        client().post().uri("/api/v1/users/" + username + "/unlock").headers(h -> h.setBearerAuth(login("admin")))
                .exchange().expectStatus().isNoContent();
        assertThat(login(username)).isNotBlank();
    }

    @Test
    void anAdministratorCanSignSomeoneOutEverywhere() {
        String username = newUser("revoke-test");
        String token = login(username);
        String id = null;
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                id = u.get("id").asText();
            }
        }
        String userId = id;
        client().post().uri("/api/v1/users/" + userId + "/sign-out-everywhere")
                .headers(h -> h.setBearerAuth(login("tom"))).exchange().expectStatus().isForbidden();
        client().post().uri("/api/v1/users/" + userId + "/sign-out-everywhere")
                .headers(h -> h.setBearerAuth(login("admin"))).exchange().expectStatus().isNoContent();
        assertProblem(client().get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).exchange(), 401);
    }
}
