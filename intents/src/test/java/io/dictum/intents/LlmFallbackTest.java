package io.dictum.intents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dictum.intents.llm.ChatModels;
import io.dictum.intents.llm.LlmRouter;
import io.dictum.intents.llm.LlmSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optional LLM stage against an OpenAI-compatible endpoint played by WireMock: a good tool call yields the intent
 * with slots Dictum read itself; a malformed answer, an intent the catalogue lacks, a slot value that does not read,
 * a timeout and a server error each leave the offline answer (patterns, then the paraphrase classifier) standing.
 */
class LlmFallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";
    /** Neither a pattern nor the paraphrase classifier reads this (checked below): only the model can. */
    private static final String SAID = "the usual for miller, thirty minutes, you know the drill";

    private static WireMockServer server;
    private static Interpreter offline;
    private static Interpreter withModel;
    private final DemoCaseResolver resolver = new DemoCaseResolver();

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        IntentCatalogue catalogue = IntentCatalogue.defaults();
        LlmSettings settings = LlmSettings.of(server.baseUrl() + "/v1", "test-model", "", Duration.ofSeconds(4))
                .orElseThrow();
        offline = new Interpreter(catalogue, List.of(IntentEvaluation.semantic()));
        withModel = new Interpreter(catalogue, List.of(IntentEvaluation.semantic(),
                new LlmRouter(catalogue, ChatModels.create(settings))));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static Utterance said(String text) {
        return new Utterance(text, Optional.empty(), IntentEvaluation.REFERENCE);
    }

    /** An OpenAI chat completion whose message calls one tool with the given arguments (a JSON text). */
    private static String toolCall(String name, String arguments) throws Exception {
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1,
                "model", "test-model", "choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls",
                        "message", Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", "call_1",
                                "type", "function", "function", Map.of("name", name, "arguments", arguments))))))));
    }

    private static void answer(String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theUtteranceIsBeyondTheOfflineStages() {
        assertThat(offline.interpret(said(SAID), resolver).intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void aGoodToolCallYieldsTheIntentWithSlotsDictumReadItself() throws Exception {
        answer(toolCall("log_time", "{\"minutes\":\"thirty minutes\",\"case\":\"miller\"}"));

        Interpretation reading = withModel.interpret(said(SAID), resolver);

        assertThat(reading.intent()).isEqualTo(Intent.LOG_TIME);
        assertThat(reading.source()).isEqualTo(InterpretationSource.LLM);
        assertThat(reading.slots()).containsEntry("minutes", "30")
                .containsEntry("case", "case-miller-v-acme-trucking");
        // the tools offered were built from the catalogue: one per intent, with its slots
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.tools[?(@.function.name == 'log_time')]"))
                .withRequestBody(matchingJsonPath("$.tools[?(@.function.name == 'open_case')]"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", com.github.tomakehurst.wiremock.client.WireMock.equalTo(SAID))));
    }

    @Test
    void anAmbiguousCaseFromTheModelIsAskedBackNotGuessed() throws Exception {
        answer(toolCall("start_timer", "{\"case\":\"johnson\"}"));

        String text = "johnson, meter running, you know the drill";
        assertThat(offline.interpret(said(text), resolver).intent()).isEqualTo(Intent.UNKNOWN);

        Interpretation reading = withModel.interpret(said(text), resolver);

        assertThat(reading.intent()).isEqualTo(Intent.START_TIMER);
        assertThat(reading.slots()).doesNotContainKey("case");
        assertThat(reading.unresolved().get("case")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aMalformedAnswerLeavesTheOfflineAnswer() throws Exception {
        answer(toolCall("log_time", "{\"minutes\": \"thirty min"));
        assertThat(withModel.interpret(said(SAID), resolver)).isEqualTo(offline.interpret(said(SAID), resolver));

        answer("{\"choices\": \"this is not a chat completion\"");
        assertThat(withModel.interpret(said(SAID), resolver)).isEqualTo(offline.interpret(said(SAID), resolver));
    }

    @Test
    void aHallucinatedIntentLeavesTheOfflineAnswer() throws Exception {
        answer(toolCall("send_invoice", "{\"case\":\"miller\"}"));

        assertThat(withModel.interpret(said(SAID), resolver)).isEqualTo(offline.interpret(said(SAID), resolver));
        server.verify(postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void slotValuesThatDoNotReadLeaveTheOfflineAnswer() throws Exception {
        answer(toolCall("log_time", "{\"minutes\":\"a while\",\"case\":\"miller\"}")); // no duration
        assertThat(withModel.interpret(said(SAID), resolver).intent()).isEqualTo(Intent.UNKNOWN);

        answer(toolCall("log_time", "{\"minutes\":\"thirty minutes\",\"case\":\"chen\"}")); // a case nobody said
        assertThat(withModel.interpret(said(SAID), resolver).intent()).isEqualTo(Intent.UNKNOWN);

        answer(toolCall("log_time", "{\"minutes\":\"thirty minutes\",\"billable\":\"yes\"}")); // no such slot
        assertThat(withModel.interpret(said(SAID), resolver).intent()).isEqualTo(Intent.UNKNOWN);

        answer(toolCall("create_task", "{\"assignee\":\"Sarah\"}")); // the required description is missing
        assertThat(withModel.interpret(said(SAID), resolver).intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void aTimeoutLeavesTheOfflineAnswer() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)
                .withHeader("Content-Type", "application/json")
                .withBody(toolCall("log_time", "{\"minutes\":\"thirty minutes\",\"case\":\"miller\"}"))));

        assertThat(withModel.interpret(said(SAID), resolver)).isEqualTo(offline.interpret(said(SAID), resolver));
    }

    @Test
    void aServerErrorLeavesTheOfflineAnswer() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}")));

        assertThat(withModel.interpret(said(SAID), resolver)).isEqualTo(offline.interpret(said(SAID), resolver));
    }

    @Test
    void aModelThatFindsNoCommandLeavesUnknown() throws Exception {
        answer(JSON.writeValueAsString(Map.of("id", "chatcmpl-2", "object", "chat.completion", "created", 1,
                "model", "test-model", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", "unknown"))))));

        Interpretation reading = withModel.interpret(said("the weather is nice today"), resolver);

        assertThat(reading.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(reading.source()).isEqualTo(InterpretationSource.NONE);
    }

    @Test
    void patternHitsNeverReachTheModel() {
        Interpretation reading = withModel.interpret(said("open the miller case"), resolver);

        assertThat(reading.source()).isEqualTo(InterpretationSource.PATTERN);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void noBaseUrlMeansNoModel() {
        assertThat(LlmSettings.of("  ", "m", "k", null)).isEmpty();
        assertThat(LlmSettings.of("http://127.0.0.1:1/v1", "m", "secret-key", null).orElseThrow().toString())
                .doesNotContain("secret-key");
    }
}
