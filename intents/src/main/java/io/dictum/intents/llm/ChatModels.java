package io.dictum.intents.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the chat model for an endpoint: one place, so that every feature that talks to the firm's model (intent
 * fallback today, drafting later) gets the same timeout, no retries and deterministic sampling.
 */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel create(LlmSettings settings) {
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                // local servers (vLLM, Ollama) take any key; the client library wants one
                .apiKey(settings.apiKey().isBlank() ? "none" : settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0) // a retry would multiply the wait; the offline answer is the fallback
                .temperature(0.0)
                .build();
    }
}
