package io.dictum.web.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TaskAndNoteTest extends WebTestSupport {

    private JsonNode say(String token, String text) {
        return postJson(token, "/api/v1/assistant/commands", Map.of("text", text,
                "referenceTime", "2026-12-02T09:00:00-05:00"));
    }

    @Test
    void remindSarahCreatesHerTaskWithTheSpokenDueDate() {
        String attorney = login("ahale");
        JsonNode result = say(attorney, "remind Sarah to call the adjuster tomorrow");
        assertThat(result.get("status").asText()).isEqualTo("done");
        assertThat(result.get("message").asText()).contains("Sarah Lindqvist").contains("December 3, 2026");
        JsonNode hers = get(login("sarah"), "/api/v1/tasks?status=open");
        assertThat(hers.findValuesAsText("description")).contains("call the adjuster");
        JsonNode task = null;
        for (JsonNode t : hers) {
            if (t.get("description").asText().equals("call the adjuster")) {
                task = t;
            }
        }
        assertThat(task.get("dueOn").asText()).isEqualTo("2026-12-03");
        JsonNode done = client().patch().uri("/api/v1/tasks/" + task.get("id").asText())
                .headers(h -> h.setBearerAuth(login("sarah"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "done")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("doneAt").asText()).isNotBlank();
    }

    @Test
    void aDictatedNoteLandsOnTheOpenCaseAndClientsDoNotSeeNotes() {
        String token = login("bking");
        say(token, "open the Okafor case");
        JsonNode noted = say(token, "take a note: client called about the offer");
        assertThat(noted.get("intent").asText()).isEqualTo("dictate_note");
        assertThat(noted.get("status").asText()).isEqualTo("done");
        String okafor = caseId("2026-C-0008");
        JsonNode notes = get(token, "/api/v1/cases/" + okafor + "/notes");
        assertThat(notes.get(0).get("text").asText()).isEqualTo("Client called about the offer.");
        assertThat(notes.get(0).get("authorName").asText()).isEqualTo("bking");
        assertProblem(client().get().uri("/api/v1/cases/" + caseId("2025-PI-0012") + "/notes")
                .headers(h -> h.setBearerAuth(login("smiller"))).exchange(), 403);
    }

    @Test
    void badTasksAreProblems() {
        String token = login("bking");
        assertProblem(client().post().uri("/api/v1/tasks").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", " ")).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/tasks").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "x", "caseId", java.util.UUID.randomUUID().toString())).exchange(),
                404);
        JsonNode nobody = say(token, "remind Bartholomew to call the court tomorrow");
        assertThat(nobody.get("status").asText()).isNotEqualTo("done");
    }
}
