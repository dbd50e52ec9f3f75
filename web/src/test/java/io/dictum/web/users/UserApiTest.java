package io.dictum.web.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET/PATCH /me and an administrator's PATCH /users/{id}. */
class UserApiTest extends WebTestSupport {

    /** A new user of this role with a unique name; returns its id. */
    private String newUser(String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password", DEMO_PASSWORD,
                "role", role, "displayName", "User " + username)).get("id").asText();
    }

    private JsonNode listed(String id) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("id").asText().equals(id)) {
                return u;
            }
        }
        throw new AssertionError("user " + id + " is not listed");
    }

    private String username(String id) {
        return listed(id).get("username").asText();
    }

    @Test
    void meNamesTheSignedInFirmMember() {
        JsonNode me = get(login("ahale"), "/api/v1/me");
        JsonNode listed = listed(me.get("id").asText());
        assertThat(me.get("username").asText()).isEqualTo("ahale");
        assertThat(me.get("role").asText()).isEqualTo(listed.get("role").asText()).isEqualTo("partner");
        assertThat(me.get("displayName").asText()).isEqualTo(listed.get("displayName").asText());
        // the firm's zone, so that a browser elsewhere offers the firm's day as today (dates are checked against it)
        assertThat(me.get("timeZone").asText()).isEqualTo("America/New_York");
        // what a firm member does not have is left out, as everywhere in the API
        assertThat(me.has("contactId")).isFalse();
        assertThat(me.has("caseIds")).isFalse();
    }

    @Test
    void meTellsAClientWhichContactTheySpeakForAndWhichCasesTheySee() {
        ClientCase own = clientCase("Me endpoint");
        JsonNode firmView = get(login("ahale"), "/api/v1/cases/" + own.caseId());
        JsonNode me = get(login(own.clientUsername()), "/api/v1/me");
        assertThat(me.get("username").asText()).isEqualTo(own.clientUsername());
        assertThat(me.get("role").asText()).isEqualTo("client");
        assertThat(me.get("contactId").asText()).isEqualTo(firmView.get("clientId").asText());
        List<String> caseIds = new java.util.ArrayList<>();
        me.get("caseIds").forEach(c -> caseIds.add(c.asText()));
        assertThat(caseIds).containsExactly(own.caseId());
    }

    @Test
    void anAdministratorChangesEmailNameAndRoleAndTheOldTokenStopsWorking() {
        String id = newUser("patchee", "associate");
        String before = login(username(id));
        JsonNode changed = patchJson(login("admin"), "/api/v1/users/" + id, Map.of("email", " pat@firm.example ",
                "displayName", "Pat Renamed", "role", "paralegal"));
        assertThat(changed.get("email").asText()).isEqualTo("pat@firm.example");
        assertThat(changed.get("displayName").asText()).isEqualTo("Pat Renamed");
        assertThat(changed.get("role").asText()).isEqualTo("paralegal");
        assertThat(listed(id).get("role").asText()).isEqualTo("paralegal");
        assertThat(listed(id).get("displayName").asText()).isEqualTo("Pat Renamed");
        // a token carries the role it was issued with, so a role change signs the user out
        client().get().uri("/api/v1/me").headers(h -> h.setBearerAuth(before)).exchange().expectStatus()
                .isUnauthorized();
        JsonNode me = get(login(username(id)), "/api/v1/me");
        assertThat(me.get("role").asText()).isEqualTo("paralegal");
        assertThat(me.get("email").asText()).isEqualTo("pat@firm.example");

        JsonNode audit = get(login("admin"), "/api/v1/audit?limit=100");
        JsonNode entry = null;
        for (JsonNode r : audit) {
            if (r.get("action").asText().equals("user.update") && r.get("entityId").asText().equals(id)) {
                entry = r;
                break;
            }
        }
        assertThat(entry).as("audit entry for the change").isNotNull();
        assertThat(entry.get("actorName").asText()).isEqualTo("admin");
        assertThat(entry.get("details").asText()).contains("role associate -> paralegal", "Pat Renamed",
                "email changed").doesNotContain("pat@firm.example");

        // a name-only change keeps the user signed in
        String after = login(username(id));
        patchJson(login("admin"), "/api/v1/users/" + id, Map.of("displayName", "Pat Again", "email", ""));
        JsonNode still = get(after, "/api/v1/me");
        assertThat(still.get("displayName").asText()).isEqualTo("Pat Again");
        assertThat(still.has("email")).isFalse();
    }

    @Test
    void badChangesAreRefusedWithAProblemAndChangeNothing() {
        String id = newUser("refused", "staff");
        String admin = login("admin");
        String uri = "/api/v1/users/" + id;
        assertProblem(patch(admin, uri, Map.of("email", "not-an-address")), 400);
        assertProblem(patch(admin, uri, Map.of("role", "overlord")), 400);
        assertProblem(patch(admin, uri, Map.of("displayName", "  ")), 400);
        assertProblem(patch(admin, uri, Map.of("displayName", "x".repeat(201))), 400);
        assertProblem(patch(admin, uri, Map.of()), 400);
        assertProblem(patch(admin, uri, Map.of("password", "new-secret-123")), 400);
        assertProblem(patch(admin, uri, Map.of("role", "client")), 400);
        assertProblem(patch(admin, "/api/v1/users/" + UUID.randomUUID(), Map.of("displayName", "Nobody")), 404);
        assertProblem(patch(admin, "/api/v1/users/not-a-uuid", Map.of("displayName", "Nobody")), 400);
        assertProblem(patch(login("ahale"), uri, Map.of("displayName", "By a partner")), 403);
        assertProblem(patch(login(username(id)), uri, Map.of("role", "admin")), 403);
        JsonNode unchanged = listed(id);
        assertThat(unchanged.get("role").asText()).isEqualTo("staff");
        assertThat(unchanged.get("displayName").asText()).isEqualTo("User " + unchanged.get("username").asText());
    }

    @Test
    void theOnlyAdministratorKeepsTheRole() {
        String admin = login("admin");
        String adminId = get(admin, "/api/v1/me").get("id").asText();
        long admins = 0;
        for (JsonNode u : get(admin, "/api/v1/users")) {
            admins += u.get("role").asText().equals("admin") ? 1 : 0;
        }
        assertThat(admins).as("the demo firm has one administrator").isEqualTo(1);
        assertProblem(patch(admin, "/api/v1/users/" + adminId, Map.of("role", "partner")), 409);
        assertThat(listed(adminId).get("role").asText()).isEqualTo("admin");

        String second = newUser("second-admin", "admin");
        JsonNode demoted = patchJson(admin, "/api/v1/users/" + second, Map.of("role", "partner"));
        assertThat(demoted.get("role").asText()).isEqualTo("partner");
    }

    @Test
    void aUserChangesTheirOwnEmailAndNameButNotTheirRole() {
        String id = newUser("selfie", "associate");
        String token = login(username(id));
        JsonNode me = patchJson(token, "/api/v1/me", Map.of("email", "me@firm.example", "displayName", "Self Named"));
        assertThat(me.get("id").asText()).isEqualTo(id);
        assertThat(me.get("email").asText()).isEqualTo("me@firm.example");
        assertThat(me.get("displayName").asText()).isEqualTo("Self Named");
        assertThat(listed(id).get("displayName").asText()).isEqualTo("Self Named");
        assertProblem(patch(token, "/api/v1/me", Map.of("role", "partner")), 400);
        assertProblem(patch(token, "/api/v1/me", Map.of("email", "me at firm")), 400);
        assertThat(listed(id).get("role").asText()).isEqualTo("associate");
        assertThat(get(token, "/api/v1/me").get("email").asText()).isEqualTo("me@firm.example");
    }
}
