package io.dictum.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each test opens its own case for its own client, so nothing here depends on or changes the demo's sharing. */
class PortalApiTest extends WebTestSupport {

    private static String marker() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private WebTestClient.ResponseSpec call(String method, String token, String uri, Object body) {
        var request = client().method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode ok(String method, String token, String uri, Object body) {
        return call(method, token, uri, body).expectStatus().is2xxSuccessful().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    private byte[] bytes(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private JsonNode command(String token, String text, String caseId) {
        return postJson(token, "/api/v1/assistant/commands", Map.of("text", text, "caseId", caseId));
    }

    private List<String> auditActions(String caseId) {
        List<String> actions = new ArrayList<>();
        get(login("ahale"), "/api/v1/audit?caseId=" + caseId + "&limit=200").forEach(r -> actions.add(
                r.get("action").asText()));
        return actions;
    }

    @Test
    void aClientSeesOnlyTheDocumentsSharedWithThemOnEveryPath() {
        ClientCase cc = clientCase("Portal Sharing");
        String firm = login("ahale");
        String shared = marker();
        String internal = marker();
        JsonNode letter = uploadText(firm, cc.caseId(), "status-letter.txt", "Status letter",
                "Dear client, the insurer answered. Reference " + shared + ".");
        JsonNode memo = uploadText(firm, cc.caseId(), "strategy-memo.txt", "Strategy memo",
                "Privileged: our settlement floor. Reference " + internal + ".");
        String letterId = letter.get("id").asText();
        String memoId = memo.get("id").asText();
        String client = login(cc.clientUsername());
        String portal = "/api/v1/portal/cases/" + cc.caseId();

        // nothing is shared yet: the client's lists are empty, the firm sees both, unshared
        assertThat(get(client, "/api/v1/cases/" + cc.caseId() + "/documents")).isEmpty();
        assertThat(get(client, portal + "/documents")).isEmpty();
        JsonNode firmView = get(firm, "/api/v1/cases/" + cc.caseId() + "/documents");
        assertThat(firmView.findValuesAsText("name")).containsExactlyInAnyOrder("Status letter", "Strategy memo");
        assertThat(firmView.findValuesAsText("shared")).containsOnly("false");

        JsonNode sharing = ok("POST", firm, "/api/v1/documents/" + letterId + "/shares", null);
        assertThat(sharing.get("shared").asBoolean()).isTrue();
        assertThat(sharing.get("sharedBy").asText()).isEqualTo("Alexandra Hale");
        assertThat(sharing.get("sharedAt").asText()).isNotBlank();
        // sharing twice keeps the first share and records it once
        assertThat(ok("POST", login("bking"), "/api/v1/documents/" + letterId + "/shares", null)
                .get("sharedBy").asText()).isEqualTo("Alexandra Hale");
        assertThat(auditActions(cc.caseId()).stream().filter("document.share"::equals)).hasSize(1);

        assertThat(get(client, "/api/v1/cases/" + cc.caseId() + "/documents").findValuesAsText("id"))
                .containsExactly(letterId);
        assertThat(get(client, portal + "/documents").findValuesAsText("id")).containsExactly(letterId);
        assertThat(get(client, "/api/v1/documents/" + letterId).get("name").asText()).isEqualTo("Status letter");
        assertThat(get(client, "/api/v1/documents/" + letterId + "/versions")).hasSize(1);
        assertThat(new String(bytes(client, portal + "/documents/" + letterId + "/content"),
                StandardCharsets.UTF_8)).contains(shared);
        assertThat(new String(bytes(client, "/api/v1/documents/" + letterId + "/content"), StandardCharsets.UTF_8))
                .contains(shared);

        // the memo is not there for the client, on any path, and its existence does not show
        for (String uri : List.of("/api/v1/documents/" + memoId, "/api/v1/documents/" + memoId + "/versions",
                "/api/v1/documents/" + memoId + "/content", "/api/v1/documents/" + memoId + "/pdf",
                portal + "/documents/" + memoId + "/content")) {
            assertProblem(call("GET", client, uri, null), 404);
        }
        assertThat(get(client, "/api/v1/search?q=" + shared).get("hits").findValuesAsText("id")).contains(letterId);
        assertThat(get(client, "/api/v1/search?q=" + internal).get("hits").findValuesAsText("id"))
                .doesNotContain(memoId);
        assertThat(get(firm, "/api/v1/search?q=" + internal).get("hits").findValuesAsText("id")).contains(memoId);
        assertThat(command(client, "find the strategy memo", cc.caseId()).at("/result/documents")).isEmpty();
        assertThat(command(client, "find the status letter", cc.caseId()).at("/result/documents")
                .findValuesAsText("id")).containsExactly(letterId);

        // a client cannot share, and a shared document of one client's case is not another client's
        assertProblem(call("POST", client, "/api/v1/documents/" + letterId + "/shares", null), 403);
        assertProblem(call("GET", login("smiller"), "/api/v1/documents/" + letterId, null), 404);

        // taking it back hides it again, and both changes are in the audit trail
        assertThat(ok("DELETE", firm, "/api/v1/documents/" + letterId + "/shares", null).get("shared").asBoolean())
                .isFalse();
        assertThat(get(client, portal + "/documents")).isEmpty();
        assertProblem(call("GET", client, portal + "/documents/" + letterId + "/content", null), 404);
        assertThat(auditActions(cc.caseId())).contains("document.share", "document.unshare");
    }

    @Test
    void shareDocumentByVoiceAsksWhenTwoDocumentsFitAndNeverGuesses() {
        ClientCase cc = clientCase("Portal Voice");
        String firm = login("mortiz");
        String scene = uploadText(firm, cc.caseId(), "scene.txt", "Accident report - scene", "At the scene.")
                .get("id").asText();
        String followUp = uploadText(firm, cc.caseId(), "follow-up.txt", "Accident report - follow-up",
                "Follow-up.").get("id").asText();

        JsonNode ambiguous = command(firm, "share the accident report with the client", cc.caseId());
        assertThat(ambiguous.get("intent").asText()).isEqualTo("share_document");
        assertThat(ambiguous.get("status").asText()).isEqualTo("needs_clarification");
        assertThat(ambiguous.at("/result/candidates").findValuesAsText("id"))
                .containsExactlyInAnyOrder(scene, followUp);
        assertThat(get(firm, "/api/v1/cases/" + cc.caseId() + "/documents").findValuesAsText("shared"))
                .containsOnly("false");

        JsonNode done = command(firm, "share the scene accident report with the client", cc.caseId());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.at("/result/document/id").asText()).isEqualTo(scene);
        assertThat(get(login(cc.clientUsername()), "/api/v1/portal/cases/" + cc.caseId() + "/documents")
                .findValuesAsText("id")).containsExactly(scene);

        JsonNode missing = command(firm, "share the tax return with the client", cc.caseId());
        assertThat(missing.get("status").asText()).isIn("rejected", "needs_clarification");
        assertThat(missing.at("/result/document").isMissingNode()).isTrue();

        JsonNode byClient = command(login(cc.clientUsername()), "share the follow-up accident report",
                cc.caseId());
        assertThat(byClient.get("status").asText()).isEqualTo("rejected");
        assertThat(get(firm, "/api/v1/documents/" + followUp).get("shared").asBoolean()).isFalse();
    }

    @Test
    void aSharingQuestionIsSettledByTheNextWords() {
        ClientCase cc = clientCase("Portal Follow-up");
        String firm = login("ahale");
        String scene = uploadText(firm, cc.caseId(), "scene.txt", "Accident report - scene", "At the scene.")
                .get("id").asText();
        String followUp = uploadText(firm, cc.caseId(), "follow-up.txt", "Accident report - follow-up",
                "Follow-up.").get("id").asText();

        JsonNode asked = command(firm, "share the accident report with the client", cc.caseId());
        assertThat(asked.get("status").asText()).isEqualTo("needs_clarification");
        JsonNode settled = command(firm, "the follow-up one", cc.caseId());
        assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("done");
        assertThat(settled.at("/result/document/id").asText()).isEqualTo(followUp);
        assertThat(get(login(cc.clientUsername()), "/api/v1/portal/cases/" + cc.caseId() + "/documents")
                .findValuesAsText("id")).containsExactly(followUp).doesNotContain(scene);
    }

    @Test
    void milestonesAreTheFirmsToSetAndTheClientSeesTheVisibleOnes() {
        ClientCase cc = clientCase("Portal Milestones");
        String firm = login("bking");
        String c = "/api/v1/cases/" + cc.caseId();
        LocalDate soon = LocalDate.now().plusDays(20);
        JsonNode internal = ok("POST", firm, c + "/milestones", Map.of("title", "Strategy meeting",
                "date", soon.toString()));
        assertThat(internal.get("clientVisible").asBoolean()).isFalse();
        JsonNode mediation = ok("POST", firm, c + "/milestones", Map.of("title", "Mediation",
                "date", soon.plusDays(10).toString(), "description", "At the courthouse, room 4",
                "clientVisible", true));
        ok("POST", firm, c + "/milestones", Map.of("title", "Complaint filed",
                "date", LocalDate.now().minusDays(30).toString(), "clientVisible", true));

        String client = login(cc.clientUsername());
        assertThat(get(firm, c + "/milestones").findValuesAsText("title"))
                .containsExactly("Complaint filed", "Strategy meeting", "Mediation");
        assertThat(get(client, c + "/milestones").findValuesAsText("title"))
                .containsExactly("Complaint filed", "Mediation");
        assertThat(get(client, "/api/v1/portal/cases/" + cc.caseId() + "/milestones").findValuesAsText("title"))
                .containsExactly("Complaint filed", "Mediation");
        assertThat(get(client, "/api/v1/portal/cases/" + cc.caseId()).at("/nextMilestone/title").asText())
                .isEqualTo("Mediation");

        // making the internal one visible notifies the client once; editing it again does not
        String internalId = internal.get("id").asText();
        long before = auditActions(cc.caseId()).stream().filter("client.notice"::equals).count();
        JsonNode patched = ok("PATCH", firm, c + "/milestones/" + internalId, Map.of("clientVisible", true,
                "title", "Meeting with you"));
        assertThat(patched.get("title").asText()).isEqualTo("Meeting with you");
        assertThat(patched.get("date").asText()).isEqualTo(soon.toString());
        ok("PATCH", firm, c + "/milestones/" + internalId, Map.of("description", "Bring your medical bills"));
        assertThat(auditActions(cc.caseId()).stream().filter("client.notice"::equals).count()).isEqualTo(before + 1);
        // the client hears of each milestone made visible to them, in the app, and of no other
        JsonNode told = get(client, "/api/v1/notifications?unread=true");
        assertThat(told.findValuesAsText("kind")).containsOnly("portal.milestone");
        assertThat(told.findValuesAsText("title")).anyMatch(t -> t.startsWith("New in your case: Meeting with you"))
                .noneMatch(t -> t.contains("Strategy meeting"));
        assertThat(told.findValuesAsText("link")).containsOnly("#/cases/" + cc.caseId());
        assertThat(get(client, "/api/v1/portal/cases/" + cc.caseId()).at("/nextMilestone/title").asText())
                .isEqualTo("Meeting with you");

        assertProblem(call("POST", client, c + "/milestones", Map.of("title", "Mine", "date", soon.toString())),
                403);
        assertProblem(call("PATCH", client, c + "/milestones/" + internalId, Map.of("clientVisible", false)), 403);
        assertProblem(call("POST", firm, c + "/milestones", Map.of("date", soon.toString())), 400);
        assertProblem(call("POST", firm, c + "/milestones", Map.of("title", "No date")), 400);
        assertProblem(call("POST", firm, c + "/milestones", Map.of("title", "X", "date", "2026-02-30")), 400);
        assertProblem(call("POST", firm, c + "/milestones", Map.of("title", "X", "date", soon.toString(),
                "description", "x".repeat(2001))), 400);
        assertProblem(call("PATCH", firm, c + "/milestones/" + UUID.randomUUID(), Map.of("title", "X")), 404);
        assertProblem(call("PATCH", firm, "/api/v1/cases/" + caseId("2025-PI-0012") + "/milestones/" + internalId,
                Map.of("title", "X")), 404);
        assertThat(auditActions(cc.caseId())).contains("milestone.add", "milestone.update");
    }

    @Test
    void messagesGoBothWaysWithReadStatePerSide() {
        ClientCase cc = clientCase("Portal Messages");
        String firm = login("ahale");
        String client = login(cc.clientUsername());
        String portal = "/api/v1/portal/cases/" + cc.caseId();
        String c = "/api/v1/cases/" + cc.caseId();

        JsonNode question = ok("POST", client, portal + "/messages", Map.of("text", "  Has the insurer answered?  "));
        assertThat(question.get("from").asText()).isEqualTo("client");
        assertThat(question.get("text").asText()).isEqualTo("Has the insurer answered?");
        assertThat(question.get("authorName").asText()).startsWith("Client ");
        assertThat(question.has("readByFirmAt")).isFalse();

        JsonNode firmSees = get(firm, c + "/messages");
        assertThat(firmSees.findValuesAsText("text")).containsExactly("Has the insurer answered?");
        assertThat(firmSees.get(0).has("readByFirmAt")).isTrue();

        JsonNode answer = ok("POST", firm, c + "/messages", Map.of("text", "Yes: they offer to mediate."));
        assertThat(answer.get("from").asText()).isEqualTo("firm");
        assertThat(answer.get("authorName").asText()).isEqualTo("Alexandra Hale");
        JsonNode listed = get(client, "/api/v1/portal/cases");
        assertThat(listed.findValuesAsText("id")).containsExactly(cc.caseId());
        assertThat(listed.get(0).get("unreadMessages").asInt()).isEqualTo(1);
        assertThat(get(client, portal).get("unreadMessages").asInt()).isEqualTo(1);

        JsonNode conversation = get(client, portal + "/messages");
        assertThat(conversation.findValuesAsText("from")).containsExactly("client", "firm");
        assertThat(conversation.get(1).has("readByClientAt")).isTrue();
        assertThat(get(client, portal).get("unreadMessages").asInt()).isZero();

        List<String> actions = auditActions(cc.caseId());
        assertThat(actions.stream().filter("message.send"::equals)).hasSize(2);
        assertThat(actions).contains("client.notice");
        assertThat(get(client, "/api/v1/notifications").findValuesAsText("kind")).containsExactly("portal.message");

        assertProblem(call("POST", client, portal + "/messages", Map.of("text", "   ")), 400);
        assertProblem(call("POST", client, portal + "/messages", Map.of("text", "x".repeat(5001))), 400);
        assertProblem(call("POST", firm, c + "/messages", new HashMap<>()), 400);
        assertThat(get(firm, c + "/messages")).hasSize(2);
    }

    @Test
    void thePortalIsTheClientsAndOnlyTheirOwnCases() {
        ClientCase cc = clientCase("Portal Own");
        String firm = login("ahale");
        String ahaleId = null;
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals("ahale")) {
                ahaleId = u.get("id").asText();
            }
        }
        postJson(firm, "/api/v1/cases/" + cc.caseId() + "/team", Map.of("userId", ahaleId));
        String client = login(cc.clientUsername());
        JsonNode own = get(client, "/api/v1/portal/cases/" + cc.caseId());
        assertThat(own.get("number").asText()).isEqualTo(cc.number());
        assertThat(own.get("status").asText()).isEqualTo("open");
        assertThat(own.get("responsibleAttorney").asText()).isEqualTo("Alexandra Hale");
        assertThat(own.get("unreadMessages").asInt()).isZero();

        JsonNode refused = assertProblem(call("GET", firm, "/api/v1/portal/cases", null), 403);
        assertThat(refused.get("detail").asText()).contains("/api/v1/cases");
        assertProblem(call("GET", firm, "/api/v1/portal/cases/" + cc.caseId(), null), 403);
        assertThat(assertProblem(call("GET", client, "/api/v1/cases/" + cc.caseId() + "/messages", null), 403)
                .get("detail").asText()).contains("/api/v1/portal/cases/");

        // another client's case does not exist for this client, on any portal path
        String miller = "/api/v1/portal/cases/" + caseId("2025-PI-0012");
        for (String uri : List.of(miller, miller + "/documents", miller + "/milestones", miller + "/messages")) {
            assertProblem(call("GET", client, uri, null), 404);
        }
        assertProblem(call("POST", client, miller + "/messages", Map.of("text", "hello")), 404);
        assertThat(get(login("smiller"), "/api/v1/portal/cases").findValuesAsText("id"))
                .doesNotContain(cc.caseId());
        // notes, tasks, time and audit stay the firm's
        for (String uri : List.of("/api/v1/cases/" + cc.caseId() + "/notes", "/api/v1/audit?caseId=" + cc.caseId(),
                "/api/v1/cases/" + cc.caseId() + "/team")) {
            assertThat(call("GET", client, uri, null).returnResult(byte[].class).getStatus().value()).isIn(403, 404);
        }
    }
}
