package io.dictum.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AssistantApiTest extends WebTestSupport {

    private JsonNode command(String token, String text) {
        return postJson(token, "/api/v1/assistant/commands", Map.of("text", text));
    }

    @Test
    void interpretReadsTheCaseWithoutActing() {
        JsonNode reading = postJson(login("ahale"), "/api/v1/assistant/interpret",
                Map.of("text", "open the Miller case"));
        assertThat(reading.get("intent").asText()).isEqualTo("open_case");
        assertThat(reading.at("/slots/case").asText()).isEqualTo(caseId("2025-PI-0012"));
        assertThat(reading.get("confidence").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void theAnswerNamesTheStageThatUnderstoodIt() {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        JsonNode byPattern = postJson(token, "/api/v1/assistant/interpret", Map.of("text", "open the Miller case"));
        assertThat(byPattern.get("source").asText()).isEqualTo("pattern");

        // no pattern says "dive into"; the paraphrase classifier does, and the case is still Dictum's own reading
        JsonNode paraphrase = postJson(token, "/api/v1/assistant/interpret",
                Map.of("text", "I want to dive into the Miller case"));
        assertThat(paraphrase.get("intent").asText()).isEqualTo("open_case");
        assertThat(paraphrase.get("source").asText()).isEqualTo("semantic");
        assertThat(paraphrase.at("/slots/case").asText()).isEqualTo(miller);

        JsonNode opened = command(token, "I want to dive into the Miller case");
        assertThat(opened.get("status").asText()).isEqualTo("done");
        assertThat(opened.get("source").asText()).isEqualTo("semantic");

        JsonNode talk = command(token, "the weather is nice today");
        assertThat(talk.get("intent").asText()).isEqualTo("unknown");
        assertThat(talk.get("source").asText()).isEqualTo("none");
    }

    @Test
    void talkNearACommandNeverChangesData() {
        // close to "create a task", but the task's words cannot be read without a pattern: unknown, not a guess
        JsonNode result = command(login("ahale"), "I need to call the adjuster tomorrow");
        assertThat(result.get("intent").asText()).isEqualTo("unknown");
        assertThat(result.get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void openCaseResolvesNamesAndRecogniserSlips() {
        String token = login("bking");
        String miller = caseId("2025-PI-0012");
        for (String text : new String[] {"open the Miller case", "open the middle or case",
                "pull up the Kowalczyk matter", "pull up Johnson versus Acme"}) {
            JsonNode result = command(token, text);
            assertThat(result.get("intent").asText()).as(text).isEqualTo("open_case");
            assertThat(result.get("status").asText()).as(text).isEqualTo("done");
            assertThat(result.get("message").asText()).as(text).startsWith("Opened ");
        }
        assertThat(command(token, "open the middle or case").at("/slots/case").asText()).isEqualTo(miller);
        assertThat(command(token, "pull up Johnson versus Acme").at("/result/openedCase/number").asText())
                .isEqualTo("2025-PI-0019");
    }

    @Test
    void twoEquallyGoodCasesAreAQuestionNotAGuess() {
        JsonNode result = command(login("ahale"), "open the Johnson case");
        assertThat(result.get("status").asText()).isEqualTo("needs_clarification");
        assertThat(result.at("/slots/case").isMissingNode()).isTrue();
        assertThat(result.at("/result/candidates").findValuesAsText("label"))
                .anyMatch(l -> l.contains("Johnson v. Acme Insurance"))
                .anyMatch(l -> l.contains("Estate of Margaret Johnson"));
        assertThat(result.get("message").asText()).contains("Which case");
    }

    @Test
    void findDocumentLooksInTheNamedOrTheOpenedCase() {
        String token = login("mortiz");
        JsonNode named = command(token, "show the medical records in the Miller case");
        assertThat(named.get("status").asText()).isEqualTo("done");
        assertThat(named.at("/result/documents").findValuesAsText("name"))
                .containsExactly("Medical Records - Bayview Medical Center");

        command(token, "open the Miller case");
        JsonNode inContext = command(token, "find the police report");
        assertThat(inContext.get("intent").asText()).isEqualTo("find_document");
        assertThat(inContext.at("/slots/case").asText()).isEqualTo(caseId("2025-PI-0012"));
        assertThat(inContext.at("/result/documents").findValuesAsText("name"))
                .containsExactly("Police Report - I-95 Collision");
    }

    @Test
    void aClientCanNeitherOpenNorHearOfOtherClientsCases() {
        String client = login("smiller");
        JsonNode other = command(client, "open the Johnson case");
        assertThat(other.get("status").asText()).isEqualTo("rejected");
        assertThat(other.toString()).doesNotContain("Johnson v. Acme").doesNotContain("Estate of Margaret");
        JsonNode own = command(client, "open the Miller case");
        assertThat(own.get("status").asText()).isEqualTo("done");
        // the police report of her own case is the firm's until it is shared with her
        JsonNode report = command(client, "find the police report");
        assertThat(report.get("status").asText()).isEqualTo("done");
        assertThat(report.at("/result/documents")).isEmpty();
        assertThat(report.get("message").asText()).startsWith("I found no police report");
    }

    @Test
    void chatterIsUnknownAndChangesNothing() {
        int before = caseCount();
        JsonNode result = command(login("ahale"), "I think the jury liked our expert");
        assertThat(result.get("intent").asText()).isEqualTo("unknown");
        assertThat(result.get("status").asText()).isEqualTo("rejected");
        assertThat(result.get("message").asText()).contains("what can I say");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void helpListsThingsToSay() {
        JsonNode result = command(login("tom"), "what can I say");
        assertThat(result.get("intent").asText()).isEqualTo("help");
        assertThat(result.at("/result/examples").size()).isGreaterThan(2);
    }

    @Test
    void badCommandBodiesAreProblems() {
        String token = login("ahale");
        assertProblem(client().post().uri("/api/v1/assistant/commands").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange(), 400);
        assertProblem(client().post().uri("/api/v1/assistant/commands").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "  ")).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/assistant/commands").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "x".repeat(5000))).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/assistant/interpret").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "find the police report", "caseId", "nope")).exchange(), 400);
        assertProblem(client().post().uri("/api/v1/assistant/interpret").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "find the police report", "caseId", java.util.UUID.randomUUID()))
                .exchange(), 404);
    }
}
