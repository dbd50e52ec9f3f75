package io.dictum.web.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Re-dating a docketed trigger, and completing deadlines. */
class DeadlineChangeApiTest extends WebTestSupport {

    private String newCase(String token, String title) {
        return postJson(token, "/api/v1/cases", Map.of("title", title, "clientName", "Client of " + title))
                .get("id").asText();
    }

    private static Map<String, JsonNode> byRule(JsonNode deadlines) {
        Map<String, JsonNode> out = new HashMap<>();
        deadlines.forEach(d -> out.put(d.get("rule").asText(), d));
        return out;
    }

    @Test
    void reDatingATriggerMovesItsDeadlinesAndThoseCountedFromThemKeepingTheirIds() {
        String token = login("bking");
        String caseId = newCase(token, "Redate v. Chain");
        String ahaleId = null;
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals("ahale")) {
                ahaleId = u.get("id").asText();
            }
        }
        patch(token, "/api/v1/cases/" + caseId, Map.of("responsibleUserId", ahaleId)).expectStatus().isOk();
        JsonNode docketed = postJson(token, "/api/v1/cases/" + caseId + "/events", Map.of("trigger",
                "motion_served", "date", "2030-03-04", "ruleSet", "FRCP-NY"));
        String eventId = docketed.at("/event/id").asText();
        Map<String, JsonNode> before = byRule(docketed.get("deadlines"));
        // motion_reply is counted from motion_response's due date, not from the trigger
        assertThat(before).containsKeys("motion_response", "motion_reply");

        JsonNode changed = patchJson(token, "/api/v1/cases/" + caseId + "/events/" + eventId,
                Map.of("date", "2030-03-11", "serviceMethod", "mail", "reason", "proof of service corrected"));
        JsonNode expected = postJson(token, "/api/v1/deadlines/compute", Map.of("ruleSet", "FRCP-NY", "trigger",
                "motion_served", "date", "2030-03-11", "serviceMethod", "mail"));
        Map<String, JsonNode> after = byRule(changed.get("deadlines"));
        for (JsonNode want : expected.get("deadlines")) {
            String rule = want.get("rule").asText();
            assertThat(after.get(rule).get("dueDate").asText()).as(rule).isEqualTo(want.get("dueDate").asText());
            assertThat(after.get(rule).get("id").asText()).as(rule + " keeps its id")
                    .isEqualTo(before.get(rule).get("id").asText());
        }
        assertThat(changed.at("/event/date").asText()).isEqualTo("2030-03-11");
        assertThat(changed.at("/event/serviceMethod").asText()).isEqualTo("mail");
        assertThat(changed.get("changes").findValuesAsText("rule")).contains("motion_response", "motion_reply");
        for (JsonNode ch : changed.get("changes")) {
            assertThat(ch.get("moved").asBoolean()).isTrue();
            assertThat(ch.get("from").asText()).isEqualTo(before.get(ch.get("rule").asText()).get("dueDate").asText());
        }

        // the stored deadlines and the event agree with the answer
        JsonNode listed = get(token, "/api/v1/deadlines?caseId=" + caseId);
        assertThat(listed).hasSize(before.size());
        assertThat(byRule(listed).get("motion_reply").get("dueDate").asText())
                .isEqualTo(after.get("motion_reply").get("dueDate").asText());
        assertThat(get(token, "/api/v1/cases/" + caseId + "/events").findValuesAsText("date"))
                .containsExactly("2030-03-11");

        // the audit trail says old → new and why
        JsonNode audit = get(login("ahale"), "/api/v1/audit?caseId=" + caseId);
        List<String> details = audit.findValuesAsText("details");
        String replyId = before.get("motion_reply").get("id").asText();
        assertThat(details).anySatisfy(d -> assertThat(d).contains("motion_reply: "
                + before.get("motion_reply").get("dueDate").asText() + " → "
                + after.get("motion_reply").get("dueDate").asText())
                .contains("trigger date changed from 2030-03-04 to 2030-03-11")
                .contains("proof of service corrected"));
        assertThat(audit.findValuesAsText("entityId")).contains(replyId);

        // the responsible attorney is told; whoever made the change is not
        JsonNode told = null;
        for (JsonNode n : get(login("ahale"), "/api/v1/notifications?unread=true")) {
            if (n.get("kind").asText().equals("deadline.moved") && caseId.equals(n.path("caseId").asText())) {
                told = n;
            }
        }
        assertThat(told).isNotNull();
        assertThat(told.get("title").asText()).contains("deadlines moved");
        assertThat(told.get("body").asText()).contains(before.get("motion_reply").get("dueDate").asText() + " → "
                + after.get("motion_reply").get("dueDate").asText()).contains("bking");
        assertThat(get(token, "/api/v1/notifications").findValuesAsText("caseId")).doesNotContain(caseId);
    }

    @Test
    void aDoneDeadlineIsNotMovedButListedAsAffected() {
        String token = login("bking");
        String caseId = newCase(token, "Done v. Kept");
        JsonNode docketed = postJson(token, "/api/v1/cases/" + caseId + "/events", Map.of("trigger",
                "judgment_entered", "date", "2030-05-06"));
        Map<String, JsonNode> before = byRule(docketed.get("deadlines"));
        String doneId = before.get("new_trial_motion").get("id").asText();
        String appealId = before.get("notice_of_appeal").get("id").asText();
        // both are due in the same week (Mon and Wed): "what's due" reads both back while they are open
        String week = before.get("new_trial_motion").get("dueDate").asText() + "T09:00:00-04:00";
        Map<String, String> whatsDue = Map.of("text", "what's due this week", "referenceTime", week);
        assertThat(postJson(token, "/api/v1/assistant/commands", whatsDue).at("/result/deadlines")
                .findValuesAsText("id")).contains(doneId, appealId);

        JsonNode done = patchJson(token, "/api/v1/deadlines/" + doneId, Map.of("status", "done"));
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("completedBy").asText()).isNotBlank();
        assertThat(done.get("completedAt").asText()).isNotBlank();
        assertThat(get(token, "/api/v1/deadlines?caseId=" + caseId + "&status=open").findValuesAsText("rule"))
                .containsExactly("notice_of_appeal");
        // once done, it is no longer read back as due
        assertThat(postJson(token, "/api/v1/assistant/commands", whatsDue).at("/result/deadlines")
                .findValuesAsText("id")).contains(appealId).doesNotContain(doneId);

        JsonNode changed = patchJson(token, "/api/v1/cases/" + caseId + "/events/" + docketed.at("/event/id").asText(),
                Map.of("date", "2030-05-13"));
        Map<String, JsonNode> after = byRule(changed.get("deadlines"));
        assertThat(after.get("new_trial_motion").get("dueDate").asText())
                .isEqualTo(before.get("new_trial_motion").get("dueDate").asText());
        assertThat(after.get("new_trial_motion").get("status").asText()).isEqualTo("done");
        assertThat(after.get("notice_of_appeal").get("dueDate").asText())
                .isNotEqualTo(before.get("notice_of_appeal").get("dueDate").asText());
        JsonNode affected = null;
        for (JsonNode ch : changed.get("changes")) {
            if (ch.get("deadlineId").asText().equals(doneId)) {
                affected = ch;
            }
        }
        assertThat(affected).isNotNull();
        assertThat(affected.get("moved").asBoolean()).isFalse();
        assertThat(affected.get("status").asText()).isEqualTo("done");
        assertThat(affected.get("note").asText()).contains("done").contains("Reopen");

        // reopening clears who and when
        JsonNode reopened = patchJson(token, "/api/v1/deadlines/" + doneId, Map.of("status", "open"));
        assertThat(reopened.get("status").asText()).isEqualTo("open");
        assertThat(reopened.has("completedBy")).isFalse();
        assertThat(get(login("ahale"), "/api/v1/audit?caseId=" + caseId).findValuesAsText("action"))
                .contains("deadline.done", "deadline.reopen", "deadline.affected", "deadline.move", "event.change");
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        String token = login("bking");
        String caseId = newCase(token, "Bad v. Change");
        JsonNode docketed = postJson(token, "/api/v1/cases/" + caseId + "/events", Map.of("trigger",
                "judgment_entered", "date", "2030-07-01"));
        String uri = "/api/v1/cases/" + caseId + "/events/" + docketed.at("/event/id").asText();
        assertThat(assertProblem(patch(token, uri, Map.of("date", "2030-02-30")), 400).get("detail").asText())
                .contains("2030-02-30");
        assertThat(assertProblem(patch(token, uri, Map.of("reason", "x")), 400).get("detail").asText())
                .contains("date");
        assertProblem(patch(token, uri, Map.of("date", "2030-07-02", "serviceMethod", "pigeon")), 400);
        assertProblem(patch(token, "/api/v1/cases/" + caseId + "/events/" + UUID.randomUUID(),
                Map.of("date", "2030-07-02")), 404);
        // an event of another case is not found through this one
        assertProblem(patch(token, "/api/v1/cases/" + caseId("2026-C-0008") + "/events/"
                + docketed.at("/event/id").asText(), Map.of("date", "2030-07-02")), 404);
        assertProblem(patch(login("smiller"), uri, Map.of("date", "2030-07-02")), 403);
        assertThat(get(token, "/api/v1/cases/" + caseId + "/events").findValuesAsText("date"))
                .containsExactly("2030-07-01");

        String deadline = docketed.at("/deadlines/0/id").asText();
        assertProblem(patch(token, "/api/v1/deadlines/" + deadline, Map.of("status", "finished")), 400);
        assertProblem(patch(token, "/api/v1/deadlines/" + deadline, Map.of()), 400);
        assertProblem(patch(token, "/api/v1/deadlines/" + UUID.randomUUID(), Map.of("status", "done")), 404);
        assertProblem(patch(login("smiller"), "/api/v1/deadlines/" + deadline, Map.of("status", "done")), 403);
        assertProblem(client().get().uri("/api/v1/deadlines?status=finished").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
    }
}
