package io.dictum.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole path from a recorded voice to an action, on WAVs made with several TTS voices. */
class VoiceCommandTest extends WebTestSupport {

    private static final MediaType WAV = MediaType.valueOf("audio/wav");

    private WebTestClient.ResponseSpec send(String token, String uri, byte[] body) {
        return client().post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(WAV).bodyValue(body)
                .exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"open-the-miller-case.flite-slt.16k.wav", "open-the-miller-case.flite-kal16.44k-stereo.wav"})
    void sayingOpenTheMillerCaseOpensIt(String fixture) {
        JsonNode result = send(login("ahale"), "/api/v1/assistant/voice-commands", audio(fixture))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.at("/transcript/text").asText()).contains("case");
        assertThat(result.get("intent").asText()).isEqualTo("open_case");
        assertThat(result.get("status").asText()).isEqualTo("done");
        assertThat(result.at("/slots/case").asText()).isEqualTo(caseId("2025-PI-0012"));
        assertThat(result.at("/result/openedCase/title").asText()).isEqualTo("Miller v. Acme Trucking");
    }

    @Test
    void anUnusualNameIsHeardAndResolved() {
        JsonNode result = send(login("bking"), "/api/v1/assistant/voice-commands",
                audio("pull-up-the-kowalczyk-matter.flite-rms.16k.wav"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.get("intent").asText()).isEqualTo("open_case");
        assertThat(result.at("/slots/case").asText()).isEqualTo(caseId("2025-E-0011"));
    }

    @Test
    void theSpokenQuestionAboutTwoJohnsonsComesBack() {
        JsonNode result = send(login("ahale"), "/api/v1/assistant/voice-commands",
                audio("open-the-johnson-case.flite-rms.16k.wav"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.get("status").asText()).isEqualTo("needs_clarification");
        assertThat(result.at("/result/candidates").size()).isEqualTo(2);
    }

    @Test
    void aVoiceCommandInTheContextOfACase() {
        String miller = caseId("2025-PI-0012");
        JsonNode result = send(login("sarah"), "/api/v1/assistant/voice-commands?caseId=" + miller,
                audio("find-the-police-report.flite-awb.16k.wav"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.get("intent").asText()).isEqualTo("find_document");
        assertThat(result.at("/result/documents").findValuesAsText("name"))
                .containsExactly("Police Report - I-95 Collision");
    }

    @Test
    void transcribeReturnsWordsWithTimings() {
        JsonNode t = send(login("tom"), "/api/v1/speech/transcribe",
                audio("open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(t.get("text").asText()).contains("police report");
        assertThat(t.get("durationSeconds").asDouble()).isGreaterThan(2.0);
        double previousEnd = 0;
        for (JsonNode w : t.get("words")) {
            assertThat(w.get("start").asDouble()).isGreaterThanOrEqualTo(previousEnd - 0.01);
            assertThat(w.get("end").asDouble()).isGreaterThan(w.get("start").asDouble());
            assertThat(w.get("conf").asDouble()).isBetween(0.0, 1.0);
            previousEnd = w.get("end").asDouble();
        }
    }

    @Test
    void badAudioIsAProblemAndChangesNothing() {
        String token = login("ahale");
        int before = caseCount();
        byte[] wav = audio("open-the-miller-case.flite-slt.16k.wav");
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        for (String uri : new String[] {"/api/v1/speech/transcribe", "/api/v1/assistant/voice-commands"}) {
            assertThat(send(token, uri, new byte[0]).expectStatus().is4xxClientError());
            assertProblem(send(token, uri, noise), 422);
            assertProblem(send(token, uri, Arrays.copyOf(wav, 30)), 422);
            assertProblem(send(token, uri, audio("silence.16k.wav")), 422);
            assertProblem(client().post().uri(uri).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 415);
        }
        assertThat(caseCount()).isEqualTo(before);
    }
}
