package io.dictum.web.speech.stream;

import static io.dictum.web.speech.stream.StreamTestClient.bearer;
import static io.dictum.web.speech.stream.StreamTestClient.chunks;
import static io.dictum.web.speech.stream.StreamTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.speech.AudioClip;
import io.dictum.web.WebTestSupport;
import io.dictum.web.speech.stream.StreamTestClient.Conversation;
import io.dictum.web.speech.stream.StreamTestClient.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;

/** "Start dictation" and "stop dictation" said in a command stream, and where the dictation goes. */
class VoiceModeSwitchTest extends WebTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    CommandVocabulary vocabulary;

    /** A fresh user, so that its conversation's case is the one this test opens. */
    private String freshUser() {
        String username = "dictates-" + UUID.randomUUID().toString().substring(0, 8);
        postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password", DEMO_PASSWORD,
                "role", "associate", "displayName", "Test " + username));
        return login(username);
    }

    private static List<Step> steps(String fixture, boolean eof) {
        List<Step> steps = new ArrayList<>(chunks(AudioClip.fromWav(audio(fixture)).pcm16le(), 6400));
        if (eof) {
            steps.add(text("{\"eof\":1}"));
        }
        return steps;
    }

    @Test
    void aDictationStartedAndStoppedByVoiceIsSavedOnTheConversationsCase() {
        vocabulary.refresh().block(Duration.ofSeconds(60));
        String token = freshUser();
        String garcia = caseId("2024-MM-0003");
        StreamTestClient ws = new StreamTestClient(port);
        // "open the Garcia case" / "start dictation" / "the expert report arrived today period" / "stop dictation"
        // 13 s of audio at twice the pace of speech: flat out it would outrun the stream's rate limit
        Conversation c = ws.talkAtPace(ws.uri("mode=command"), bearer(token),
                steps("dictation-by-voice-on-garcia.flite-slt.16k.wav", true), 2);

        List<JsonNode> commands = c.all("command");
        assertThat(commands).as("only the first utterance is a command: %s", c.messages()).hasSize(1);
        assertThat(commands.get(0).at("/slots/case").asText()).isEqualTo(garcia);
        assertThat(c.all("mode")).extracting(m -> m.get("mode").asText()).containsExactly("dictation", "command");

        JsonNode note = c.all("note").get(0);
        assertThat(note.get("saved").asBoolean()).as("%s", note).isTrue();
        assertThat(note.get("caseId").asText()).isEqualTo(garcia);
        assertThat(note.get("message").asText()).contains("Garcia v. Bayview Medical Center");
        List<JsonNode> dictation = c.all("dictation");
        String text = dictation.get(dictation.size() - 1).get("text").asText();
        assertThat(text).startsWith("The expert report").endsWith(".").doesNotContainIgnoringCase("dictation");
        assertThat(get(token, "/api/v1/cases/" + garcia + "/notes").findValuesAsText("id"))
                .contains(note.get("id").asText());
        // the note is saved once: at "stop dictation", not again at eof
        assertThat(c.all("note")).hasSize(1);
        assertThat(c.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void aDictationStillOpenAtEofIsSavedOnTheCaseGivenInTheQuery() {
        String token = freshUser();
        String nguyen = caseId("2026-F-0002");
        StreamTestClient ws = new StreamTestClient(port);
        // without "stop dictation": the words after "start dictation" are saved when the stream ends
        List<Step> steps = new ArrayList<>(steps("dictation-by-voice-on-garcia.flite-slt.16k.wav", false));
        int keep = (int) Math.round(steps.size() * 0.76); // up to the end of "... arrived today period"
        steps = new ArrayList<>(steps.subList(0, keep));
        steps.add(text("{\"eof\":1}"));
        Conversation c = ws.talk(ws.uri("mode=command&caseId=" + nguyen), bearer(token), steps);
        assertThat(c.all("mode")).extracting(m -> m.get("mode").asText()).containsExactly("dictation");
        JsonNode note = c.all("note").get(0);
        assertThat(note.get("saved").asBoolean()).as("%s", c.messages()).isTrue();
        assertThat(note.get("caseId").asText()).isEqualTo(nguyen);
        assertThat(note.get("message").asText()).contains("Nguyen");
    }
}
