package io.dictum.core.intents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import io.dictum.core.index.SearchConfiguration;
import io.dictum.intents.Interpreter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The chain's wiring: a chat model exists only when a base URL is configured, and then it needs a model name. */
class IntentConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SearchConfiguration.class, IntentConfiguration.class);

    @Test
    void withoutABaseUrlThereIsNoChatModelAtAll() {
        runner.withPropertyValues("dictum.llm.base-url=", "dictum.llm.model=ignored").run(context -> {
            assertThat(context).hasSingleBean(Interpreter.class);
            assertThat(context).doesNotHaveBean(ChatModel.class);
        });
    }

    @Test
    void aBaseUrlAddsTheModelAsTheLastStage() {
        runner.withPropertyValues("dictum.llm.base-url=http://127.0.0.1:9/v1", "dictum.llm.model=llama3.1:8b",
                "dictum.llm.timeout=2s").run(context -> {
            assertThat(context).hasSingleBean(ChatModel.class);
            assertThat(context).hasSingleBean(Interpreter.class);
        });
    }

    @Test
    void aBaseUrlWithoutAModelStopsTheStartWithWhatToSet() {
        runner.withPropertyValues("dictum.llm.base-url=http://127.0.0.1:9/v1").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("DICTUM_LLM_MODEL"));
    }
}
