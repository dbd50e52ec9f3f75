package io.dictum.web.speech.stream;

import static io.dictum.web.speech.stream.StreamTestClient.bearer;
import static io.dictum.web.speech.stream.StreamTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.web.WebTestSupport;
import io.dictum.web.speech.stream.StreamTestClient.Conversation;
import io.dictum.web.speech.stream.StreamTestClient.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stream's inbound limits, end to end: too fast, too many messages, a frame past the transport limit. */
class StreamPacingTest extends WebTestSupport {

    @LocalServerPort
    int port;

    private Conversation talk(List<Step> steps) {
        return new StreamTestClient(port).talk(new StreamTestClient(port).uri(null), bearer(login("bking")), steps);
    }

    @Test
    void audioFarFasterThanRealTimeIsClosedWithAReason() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // 48 s of 16 kHz audio, sent at once
            steps.add(frame(new byte[256 * 1024]));
        }
        Conversation c = talk(steps);
        assertThat(c.error()).as("%s", c.messages()).isNotNull();
        assertThat(c.error().get("code").asText()).isEqualTo("too_fast");
        assertThat(c.error().get("message").asText()).contains("real time");
        assertThat(c.status().getCode()).isEqualTo(1008);
    }

    @Test
    void aFloodOfTinyFramesIsClosedWithAReason() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            steps.add(frame(new byte[2]));
        }
        Conversation c = talk(steps);
        assertThat(c.error()).as("last messages %s", c.messages().subList(Math.max(0, c.messages().size() - 3),
                c.messages().size())).isNotNull();
        assertThat(c.error().get("code").asText()).isEqualTo("too_fast");
        assertThat(c.status().getCode()).isEqualTo(1008);
    }

    @Test
    void aFramePastTheTransportLimitIsClosedAsTooBig() {
        Conversation c = talk(List.of(frame(new byte[2 * 1024 * 1024])));
        assertThat(c.status()).isNotNull();
        assertThat(c.status().getCode()).isEqualTo(1009);
    }
}
