package io.dictum.core.intents;

import io.dictum.intents.llm.LlmSettings;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional OpenAI-compatible chat endpoint ({@code DICTUM_LLM_BASE_URL}, {@code DICTUM_LLM_MODEL},
 * {@code DICTUM_LLM_API_KEY}, {@code DICTUM_LLM_TIMEOUT}); no base URL means fully offline.
 */
@ConfigurationProperties("dictum.llm")
public record LlmProperties(String baseUrl, String model, String apiKey, Duration timeout) {

    public Optional<LlmSettings> settings() {
        return LlmSettings.of(baseUrl, model, apiKey, timeout);
    }
}
