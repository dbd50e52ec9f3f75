package io.dictum.web.speech.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.web.speech.stream.SpeechStream.Inbound;
import io.dictum.web.speech.stream.SpeechStream.Mode;
import io.dictum.web.speech.stream.SpeechStream.Out;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;

/** The stream protocol without a network or a model: the messages that never reach the recogniser. */
class SpeechStreamTest {

    private final ObjectMapper json = new ObjectMapper();

    private SpeechStream stream() {
        return new SpeechStream(null, json, 1000, Mode.TRANSCRIBE, Optional.empty());
    }

    private JsonNode error(List<Out> out, CloseStatus status) throws Exception {
        assertThat(out).hasSize(1);
        assertThat(out.get(0).close()).isEqualTo(status);
        return json.readTree(out.get(0).json()).get("error");
    }

    @Test
    void aConfigIsNotAnsweredAndSetsTheModeAndCase() {
        SpeechStream stream = stream();
        assertThat(stream.process(Inbound.message("{\"config\" : {\"sample_rate\" : 8000, \"mode\" : \"dictation\","
                + " \"case_id\" : \"6f1c2a4e-8d0b-4c43-9a57-1d2e3f4a5b6c\", \"model\" : \"/tmp/x\"}}"))).isEmpty();
        assertThat(stream.mode()).isEqualTo(Mode.DICTATION);
        assertThat(stream.caseId()).isPresent();
        assertThat(stream.configured()).isTrue();
    }

    @Test
    void idleStreamsAreClosedAsGoingAway() throws Exception {
        assertThat(error(stream().process(Inbound.timedOut()), CloseStatus.GOING_AWAY).get("code").asText())
                .isEqualTo("idle_timeout");
    }

    @Test
    void badMessagesArePolicyViolations() throws Exception {
        assertThat(error(stream().process(Inbound.audio(new byte[1001])), CloseStatus.POLICY_VIOLATION)
                .get("code").asText()).isEqualTo("frame_too_large");
        assertThat(error(stream().process(Inbound.audio(new byte[9])), CloseStatus.POLICY_VIOLATION)
                .get("code").asText()).isEqualTo("odd_frame");
        for (String bad : new String[] {"", "[1]", "{", "\"eof\"", "{\"eof\":0}"}) {
            assertThat(error(stream().process(Inbound.message(bad)), CloseStatus.POLICY_VIOLATION)
                    .get("code").asText()).as(bad).isEqualTo("bad_message");
        }
        for (String rate : new String[] {"1000", "96000", "16000.5", "\"fast\""}) {
            assertThat(error(stream().process(Inbound.message("{\"config\":{\"sample_rate\":" + rate + "}}")),
                    CloseStatus.POLICY_VIOLATION).get("code").asText()).as(rate).isEqualTo("unsupported_sample_rate");
        }
        assertThat(error(stream().process(Inbound.message("{\"config\":{\"mode\":\"sing\"}}")),
                CloseStatus.POLICY_VIOLATION).get("code").asText()).isEqualTo("bad_mode");
        assertThat(error(stream().process(Inbound.message("{\"config\":[]}")),
                CloseStatus.POLICY_VIOLATION).get("code").asText()).isEqualTo("bad_config");
    }

    @Test
    void modesAreReadLeniently() {
        assertThat(Mode.parse(null)).isEqualTo(Mode.TRANSCRIBE);
        assertThat(Mode.parse(" Command ")).isEqualTo(Mode.COMMAND);
        assertThat(Mode.parse("dictation")).isEqualTo(Mode.DICTATION);
        assertThatThrownBy(() -> Mode.parse("x")).isInstanceOf(SpeechStream.ProtocolException.class);
    }
}
