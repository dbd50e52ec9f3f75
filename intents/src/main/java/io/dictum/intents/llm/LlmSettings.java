package io.dictum.intents.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI-compatible chat endpoint (a hosted service, vLLM, Ollama's {@code /v1}...). Nothing is configured by
 * default: Dictum is then fully offline and no model object exists at all.
 *
 * @param baseUrl the endpoint up to and including its version path, e.g. {@code http://127.0.0.1:11434/v1}
 * @param model   the model name the endpoint knows
 * @param apiKey  the bearer key; local servers ignore it, so it may be blank
 * @param timeout how long one call may take before the answer falls back to the offline one
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public LlmSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the LLM base URL is blank");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("DICTUM_LLM_MODEL is required when DICTUM_LLM_BASE_URL is set: name the"
                    + " model the endpoint serves, for example llama3.1:8b");
        }
        apiKey = apiKey == null ? "" : apiKey;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the LLM timeout must be positive: " + timeout);
        }
    }

    /** Settings when a base URL is given; empty (fully offline) when it is blank. */
    public static Optional<LlmSettings> of(String baseUrl, String model, String apiKey, Duration timeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LlmSettings(baseUrl.strip(), Objects.toString(model, "").strip(), apiKey, timeout));
    }

    @Override
    public String toString() { // never print the key
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "none" : "***")
                + ", timeout=" + timeout + "]";
    }
}
