package io.dictum.core.intents;

import dev.langchain4j.model.chat.ChatModel;
import io.dictum.intents.Fallback;
import io.dictum.intents.IntentCatalogue;
import io.dictum.intents.Interpreter;
import io.dictum.intents.llm.ChatModels;
import io.dictum.intents.llm.LlmRouter;
import io.dictum.intents.semantic.SemanticClassifier;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intent chain: the catalogue's patterns, then the offline paraphrase classifier, then — only when
 * {@code DICTUM_LLM_BASE_URL} is set — the firm's chat model; unknown when none answers. Without a base URL there is
 * no chat model bean at all. Other features that need the same endpoint (drafting) take the {@link ChatModel} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
public class IntentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntentConfiguration.class);

    @Bean
    IntentCatalogue intentCatalogue() {
        return IntentCatalogue.defaults();
    }

    /** Embeds the catalogue's phrases once at start (a few seconds of CPU); the model is inside the jar. */
    @Bean
    SemanticClassifier semanticClassifier(IntentCatalogue catalogue) {
        return new SemanticClassifier(catalogue);
    }

    @Bean
    @ConditionalOnExpression("!'${dictum.llm.base-url:}'.isBlank()")
    ChatModel chatModel(LlmProperties properties) {
        var settings = properties.settings().orElseThrow();
        log.info("Utterances no pattern or paraphrase reads go to the language model at {}", settings);
        return ChatModels.create(settings);
    }

    @Bean
    Interpreter interpreter(IntentCatalogue catalogue, SemanticClassifier semantic, ObjectProvider<ChatModel> chat) {
        List<Fallback> fallbacks = new ArrayList<>(List.of(semantic));
        chat.ifAvailable(model -> fallbacks.add(new LlmRouter(catalogue, model)));
        return new Interpreter(catalogue, fallbacks);
    }
}
