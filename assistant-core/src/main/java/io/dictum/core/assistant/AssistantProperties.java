package io.dictum.core.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assistant's settings ({@code dictum.assistant.*}).
 *
 * @param clarificationTtl how long a question asked back waits for its answer; an answer after that is refused, so a
 *                         stale "the second one" never acts on a question the user has forgotten
 */
@ConfigurationProperties("dictum.assistant")
public record AssistantProperties(Duration clarificationTtl) {

    public AssistantProperties {
        clarificationTtl = clarificationTtl == null ? Duration.ofMinutes(2) : clarificationTtl;
        if (clarificationTtl.isNegative() || clarificationTtl.isZero()) {
            throw new IllegalArgumentException("dictum.assistant.clarification-ttl must be positive: "
                    + clarificationTtl);
        }
    }
}
