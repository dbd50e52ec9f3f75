package io.dictum.web.speech.stream;

import static io.dictum.web.speech.stream.StreamTestClient.frame;
import static io.dictum.web.speech.stream.StreamTestClient.bearer;
import static io.dictum.web.speech.stream.StreamTestClient.chunks;
import static io.dictum.web.speech.stream.StreamTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.core.users.UserId;
import io.dictum.speech.AudioClip;
import io.dictum.speech.SpeechEngine;
import io.dictum.web.speech.SpeechService;
import io.dictum.web.WebTestSupport;
import io.dictum.web.speech.stream.StreamTestClient.Conversation;
import io.dictum.web.speech.stream.StreamTestClient.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/** The streaming speech WebSocket end to end, against the running application with the demo firm. */
class StreamWebSocketTest extends WebTestSupport {

    private static final String EOF = "{\"eof\" : 1}";
    /** 0.2 s of 16 kHz 16-bit audio. */
    private static final int CHUNK = 6400;
    /** Rounds of streams started together in the handshake test; more for a soak run. */
    private static final int HANDSHAKE_ROUNDS = Integer.getInteger("dictum.test.handshake-rounds", 20);

    @LocalServerPort
    int port;

    @Autowired
    StreamLimits limits;

    @Autowired
    StreamProperties properties;

    @Autowired
    SpeechService speech;

    @Autowired
    CommandVocabulary vocabulary;

    private StreamTestClient ws;

    @BeforeEach
    void setUp() {
        ws = new StreamTestClient(port);
    }

    private static byte[] pcm(String fixture) {
        return AudioClip.fromWav(audio(fixture)).pcm16le();
    }

    private static List<Step> utterance(String fixture, String... before) {
        List<Step> steps = new ArrayList<>();
        for (String message : before) {
            steps.add(text(message));
        }
        steps.addAll(chunks(pcm(fixture), CHUNK));
        steps.add(text(EOF));
        return steps;
    }

    private Conversation talk(String token, String query, List<Step> steps) {
        return ws.talk(ws.uri(query), bearer(token), steps);
    }

    private static long returned(SpeechEngine.Readiness readiness) {
        return readiness.givenBack() + readiness.freed();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
    }

    private static void assertRefused(Conversation c, String code, int status) {
        assertThat(c.error()).as("error message in %s", c.messages()).isNotNull();
        assertThat(c.error().get("code").asText()).isEqualTo(code);
        assertThat(c.error().get("message").asText()).hasSizeGreaterThan(15);
        assertThat(c.status()).isNotNull();
        assertThat(c.status().getCode()).isEqualTo(status);
    }

    @Test
    void everyFrameIsAnsweredWithPartialsThenAFinalResultAndEofCloses() {
        List<Step> steps = utterance("open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav",
                "{\"config\" : {\"sample_rate\" : 16000}}");
        long frames = steps.stream().filter(s -> s instanceof StreamTestClient.Audio).count();
        Conversation c = talk(login("ahale"), null, steps);

        // as vosk-server: one answer per audio frame and one for eof, no answer to the config
        assertThat(c.messages()).hasSize((int) frames + 1);
        assertThat(c.partials()).anyMatch(p -> !p.get("partial").asText().isEmpty());
        assertThat(c.text()).contains("police report");
        JsonNode last = c.messages().get(c.messages().size() - 1);
        assertThat(last.has("text")).isTrue();
        JsonNode withWords = c.finals().stream().filter(f -> f.path("result").size() > 0).findFirst().orElseThrow();
        for (JsonNode w : withWords.get("result")) {
            assertThat(w.get("word").asText()).isNotBlank();
            assertThat(w.get("end").asDouble()).isGreaterThanOrEqualTo(w.get("start").asDouble());
            assertThat(w.get("conf").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(c.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void resetFlushesAndTheStreamGoesOn() {
        byte[] police = pcm("find-the-police-report.flite-awb.16k.wav");
        List<Step> steps = new ArrayList<>(chunks(police, CHUNK));
        steps.add(text("{ \"reset\":1 }"));
        steps.addAll(chunks(pcm("open-the-miller-case.flite-slt.16k.wav"), CHUNK));
        steps.add(text("{\"eof\":1}"));
        Conversation c = talk(login("ahale"), null, steps);
        assertThat(c.text()).contains("police").contains("case");
        assertThat(c.finals().stream().filter(f -> !f.path("text").asText().isEmpty())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void configHonoursWordsAlternativesAndPhraseList() {
        Conversation alternatives = talk(login("ahale"), null, utterance("find-the-police-report.flite-awb.16k.wav",
                "{\"config\":{\"sample_rate\":16000,\"max_alternatives\":3,\"model\":\"/etc\"}}"));
        JsonNode last = alternatives.messages().get(alternatives.messages().size() - 1);
        assertThat(last.has("alternatives")).isTrue();
        assertThat(last.get("alternatives").size()).isBetween(1, 3);

        Conversation grammar = talk(login("ahale"), null, utterance("open-the-miller-case.flite-slt.16k.wav",
                "{\"config\":{\"phrase_list\":[\"open the miller case\",\"find the police report\"],\"words\":0}}"));
        assertThat(grammar.text()).isNotEmpty();
        for (String word : grammar.text().split(" ")) {
            assertThat(word).isIn("open", "the", "miller", "case", "find", "police", "report", "[unk]");
        }
        assertThat(grammar.finals()).allMatch(f -> !f.has("result"));
    }

    @Test
    void commandModeOpensTheMillerCaseForTheSignedInUser() {
        String miller = caseId("2025-PI-0012");
        Conversation c = talk(login("ahale"), "mode=command", utterance("open-the-miller-case.flite-slt.16k.wav"));
        List<JsonNode> commands = c.all("command");
        assertThat(commands).hasSize(1);
        JsonNode command = commands.get(0);
        assertThat(command.get("intent").asText()).isEqualTo("open_case");
        assertThat(command.get("status").asText()).isEqualTo("done");
        assertThat(command.at("/slots/case").asText()).isEqualTo(miller);
        assertThat(command.at("/result/openedCase/title").asText()).isEqualTo("Miller v. Acme Trucking");
        // the command follows the final result it was read from, and the stream then closes normally
        int at = c.messages().indexOf(c.messages().stream().filter(m -> m.has("command")).findFirst().orElseThrow());
        assertThat(c.messages().get(at - 1).path("text").asText()).contains("case");
        assertThat(c.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void aNewStreamTakesRecognisersBuiltAheadAndGivesThemBack() throws InterruptedException {
        SpeechEngine engine = speech.engine();
        assertThat(properties.readyRecognisers()).isPositive();
        await(() -> !vocabulary.phrases().isEmpty() && !engine.lacksReady(vocabulary.phrases()));
        SpeechEngine.Readiness before = engine.readiness();
        assertThat(before.open()).isEqualTo(before.listening()).isEqualTo(properties.readyRecognisers());

        Conversation c = talk(login("ahale"), "mode=command", utterance("open-the-miller-case.flite-slt.16k.wav"));
        assertThat(c.all("command").get(0).get("intent").asText()).isEqualTo("open_case");
        SpeechEngine.Readiness after = engine.readiness();
        // the open one at least; the listening one too unless the firm's names changed the list meanwhile
        assertThat(after.taken()).as("recognisers taken from the reserve").isGreaterThan(before.taken());
        assertThat(after.taken() + after.missed()).isEqualTo(before.taken() + before.missed() + 2);
        // the ended stream hands both back: kept for the next stream, or freed when the reserve was refilled while
        // it ran (RecognizerReserveTest shows which); either way the reserve is full again
        await(() -> returned(engine.readiness()) >= returned(before) + 2);
        await(() -> !engine.lacksReady(vocabulary.phrases()));
    }

    @Test
    void commandModeInTheContextOfACaseFromTheConfig() {
        String miller = caseId("2025-PI-0012");
        Conversation c = talk(login("sarah"), null, utterance("find-the-police-report.flite-awb.16k.wav",
                "{\"config\":{\"sample_rate\":16000,\"mode\":\"command\",\"caseId\":\"" + miller + "\"}}"));
        JsonNode command = c.all("command").get(0);
        assertThat(command.get("intent").asText()).isEqualTo("find_document");
        assertThat(command.at("/result/documents").findValuesAsText("name"))
                .containsExactly("Police Report - I-95 Collision");
    }

    @Test
    void dictationModeFormatsTheWholeNote() {
        // a fresh user has no case open in its conversation, so without caseId the note has nowhere to go
        String username = "dictates-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        postJson(login("admin"), "/api/v1/users", java.util.Map.of("username", username, "password", DEMO_PASSWORD,
                "role", "associate", "displayName", "Test " + username));
        Conversation c = talk(login(username), "mode=dictation", utterance("dictation-offer.flite-slt.16k.wav"));
        List<JsonNode> notes = c.all("dictation");
        assertThat(notes).isNotEmpty();
        String note = notes.get(notes.size() - 1).get("text").asText();
        // "the client called about the offer period new paragraph she will accept twenty one thousand dollars period"
        assertThat(note).startsWith("The client called about the").contains(".\n\nShe will accept $21,000.");
        assertThat(note).doesNotContain("period").doesNotContain("paragraph");
        assertThat(c.all("command")).isEmpty();
        assertThat(c.all("note")).singleElement().satisfies(n -> {
            assertThat(n.get("saved").asBoolean()).isFalse();
            assertThat(n.get("message").asText()).contains("open a case");
        });
        assertThat(c.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void aDictationOnACaseIsSavedAsANoteWhenItEnds() {
        String token = login("bking");
        String chen = caseId("2026-E-0006");
        Conversation c = talk(token, "mode=dictation&caseId=" + chen, utterance("dictation-offer.flite-slt.16k.wav"));
        JsonNode saved = c.all("note").get(0);
        assertThat(saved.get("saved").asBoolean()).isTrue();
        assertThat(saved.get("caseId").asText()).isEqualTo(chen);
        JsonNode notes = get(token, "/api/v1/cases/" + chen + "/notes");
        assertThat(notes.findValuesAsText("id")).contains(saved.get("id").asText());
        assertThat(notes.get(0).get("text").asText()).contains("She will accept $21,000.");
    }

    @Test
    void theTokenMayComeAsAQueryParameterAndWithoutOneTheUpgradeIsRefused() {
        String token = login("bking");
        Conversation c = talk(null, "token=" + token, utterance("open-the-miller-case.flite-slt.16k.wav"));
        assertThat(c.text()).contains("case");

        assertThatThrownBy(() -> talk(null, null, utterance("open-the-miller-case.flite-slt.16k.wav")))
                .hasMessageContaining("401");
        assertThatThrownBy(() -> talk(null, "token=not.a.token", List.of(text(EOF))))
                .hasMessageContaining("401");
        assertProblem(client().get().uri("/api/v1/speech/stream").exchange(), 401);
        // the query parameter is honoured for the stream only
        assertProblem(client().get().uri("/api/v1/cases?token=" + token).exchange(), 401);
    }

    @Test
    void garbageFramesCloseWithAPolicyViolationAndAMessage() {
        String token = login("ahale");
        assertRefused(talk(token, null, List.of(frame(new byte[6401]))), "odd_frame", 1008);
        assertRefused(talk(token, null, List.of(frame(new byte[512 * 1024]))), "frame_too_large", 1008);
        assertRefused(talk(token, null, List.of(text("hello"))), "bad_message", 1008);
        assertRefused(talk(token, null, List.of(text("{\"what\":1}"))), "bad_message", 1008);
        assertRefused(talk(token, null, List.of(frame(new byte[640]), text("{\"config\":{\"sample_rate\":8000}}"))),
                "config_too_late", 1008);
        assertRefused(talk(token, "mode=karaoke", List.of(text(EOF))), "bad_mode", 1008);
        assertRefused(talk(token, "mode=command&caseId=nope", List.of(text(EOF))), "bad_case_id", 1008);
        // noise is decoded, not a crash
        byte[] noise = new byte[32_000];
        new Random(11).nextBytes(noise);
        Conversation c = talk(token, null, List.of(frame(noise), text(EOF)));
        assertThat(c.status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void otherSampleRatesAreResampledAWrongOneDoesNotCrashAndAnImpossibleOneIsRefused() {
        String token = login("ahale");
        Conversation wrong = talk(token, null, utterance("open-the-miller-case.flite-slt.16k.wav",
                "{\"config\":{\"sample_rate\":44100}}"));
        assertThat(wrong.status()).isEqualTo(CloseStatus.NORMAL);
        assertThat(wrong.messages().get(wrong.messages().size() - 1).has("text")).isTrue();

        // the config alone: audio still being written when the server closes can reset the connection before the
        // refusal is read
        assertRefused(talk(token, null, List.of(text("{\"config\":{\"sample_rate\":1000}}"))),
                "unsupported_sample_rate", 1008);

        // 44.1 kHz audio declared as such is resampled and recognised (the stereo fixture, mixed down here)
        byte[] wav = audio("open-the-miller-case.flite-kal16.44k-stereo.wav");
        assertThat(new String(wav, 36, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("data");
        int frames = (wav.length - 44) / 4;
        byte[] pcm44k = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            int left = (short) ((wav[44 + 4 * i] & 0xFF) | (wav[45 + 4 * i] << 8));
            int right = (short) ((wav[46 + 4 * i] & 0xFF) | (wav[47 + 4 * i] << 8));
            int mono = (left + right) / 2;
            pcm44k[2 * i] = (byte) mono;
            pcm44k[2 * i + 1] = (byte) (mono >> 8);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(text("{\"config\":{\"sample_rate\":44100}}"));
        steps.addAll(chunks(pcm44k, 8820));
        steps.add(text(EOF));
        assertThat(talk(token, "mode=command", steps).all("command").get(0).get("intent").asText())
                .isEqualTo("open_case");
    }

    @Test
    void aClientVanishingMidUtteranceFreesItsStream() throws Exception {
        String token = login("tom");
        byte[] pcm = pcm("open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav");
        int before = SpeechStream.OPEN_RECOGNISERS.get();
        byte[] half = java.util.Arrays.copyOf(pcm, pcm.length / 2 / CHUNK * CHUNK);
        Disposable connection = HttpClient.create()
                .headers(h -> h.add("Authorization", "Bearer " + token))
                .websocket().uri(ws.uri(null))
                .handle((in, out) -> out.sendByteArray(Flux.fromIterable(chunks(half, CHUNK))
                                .map(s -> ((StreamTestClient.Audio) s).pcm()))
                        .then()
                        .then(in.receive().take(half.length / CHUNK).then())
                        // drop the TCP connection mid-utterance, without a close frame
                        .then(Mono.fromRunnable(() -> in.withConnection(c -> c.channel().close()))))
                .subscribe();
        try {
            await(() -> SpeechStream.OPEN_RECOGNISERS.get() > before || limits.open() > 0);
            await(() -> limits.open() == 0 && SpeechStream.OPEN_RECOGNISERS.get() <= before);
        } finally {
            connection.dispose();
        }
        // and the next stream of the same user works
        assertThat(talk(token, null, utterance("open-the-miller-case.flite-slt.16k.wav")).text()).contains("case");
    }

    @Test
    void aUserMayHaveOnlySoManyStreamsAtOnce() throws Exception {
        String token = login("mortiz");
        UserId user = UserId.parse(userId(token));
        Sinks.Empty<Void> release = Sinks.empty();
        List<Disposable> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(ws.client().execute(ws.uri(null), bearer(token), session ->
                        session.send(Flux.just(StreamTestClient.message(session, frame(new byte[3200]))))
                                .then(release.asMono())
                                .then(session.send(Mono.just(session.textMessage(EOF))))
                                .then(session.receive().then())).subscribe());
            }
            await(() -> limits.open(user) == 3);
            assertRefused(talk(token, null, List.of(text(EOF))), "too_many_streams", 1008);
            // another user is not affected
            assertThat(talk(login("sarah"), null, List.of(frame(new byte[3200]), text(EOF))).status())
                    .isEqualTo(CloseStatus.NORMAL);
        } finally {
            release.tryEmitEmpty();
            await(() -> limits.open(user) == 0);
            open.forEach(Disposable::dispose);
        }
        assertThat(talk(token, null, List.of(text(EOF))).status()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void theFirstMessageRightAfterTheHandshakeIsNeverLostEvenWithManyStreamsStartingAtOnce() throws Exception {
        // Every stream sends a config the moment the upgrade is answered, then eof at once: the config's dictation
        // mode shows in the answer to eof (a dictation message after the final result), a lost config does not. As
        // many streams as the limits admit start together, round after round, so that handshakes overlap with each
        // other and with sign-in checks (without the fix one stream in 25 to 45 lost its first frames here).
        List<String> tokens = List.of(login("ahale"), login("mortiz"), login("bking"), login("sarah"), login("tom"));
        int together = Math.min(properties.maxStreams(), tokens.size() * properties.maxStreamsPerUser());
        List<Step> steps = List.of(text("{\"config\":{\"mode\":\"dictation\",\"bias\":false}}"), text(EOF));
        List<String> lost = new ArrayList<>();
        for (int round = 0; round < HANDSHAKE_ROUNDS; round++) {
            List<Conversation> conversations = Flux.range(0, together)
                    .flatMap(i -> Mono.fromCallable(() -> talk(tokens.get(i % tokens.size()), null, steps))
                            .subscribeOn(Schedulers.boundedElastic()), together)
                    .collectList().block(Duration.ofMinutes(2));
            assertThat(conversations).hasSize(together);
            for (Conversation c : conversations) {
                boolean applied = c.status() != null && c.status().getCode() == CloseStatus.NORMAL.getCode()
                        && c.messages().size() == 2 && c.messages().get(0).has("text")
                        && c.messages().get(1).has("dictation");
                if (!applied) {
                    lost.add("round " + round + ": " + c.status() + " " + c.messages());
                }
            }
            // the server frees a stream's place just after its close frame; the next round starts from none open
            await(() -> limits.open() == 0);
        }
        assertThat(lost).as("streams of %d x %d whose first message was lost", HANDSHAKE_ROUNDS, together).isEmpty();
    }

    /** The signed-in user's id, read from the token's subject. */
    private static String userId(String token) {
        String payload = token.split("\\.")[1];
        JsonNode claims = StreamTestClient.parse(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8));
        return claims.get("sub").asText();
    }
}
