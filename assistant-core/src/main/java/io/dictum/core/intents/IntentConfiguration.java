package io.dictum.core.intents;

import dev.langchain4j.model.chat.ChatModel;
import io.dictum.intents.EntityResolver;
import io.dictum.intents.Fallback;
import io.dictum.intents.IntentCatalogue;
import io.dictum.intents.Interpretation;
import io.dictum.intents.Interpreter;
import io.dictum.intents.Utterance;
import io.dictum.intents.llm.ChatModels;
import io.dictum.intents.llm.LlmRouter;
import io.dictum.core.index.SentenceEmbeddings;
import io.dictum.intents.semantic.SemanticClassifier;
import io.dictum.intents.semantic.SemanticPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * The offline paraphrase classifier, on the application's one sentence model (search shares it). Embedding the
     * catalogue's phrases takes seconds of CPU, so it runs on a thread of its own once the model is loaded and
     * start-up does not wait; the first utterance that needs the fallback does.
     */
    @Bean
    PreparedParaphrases paraphrases(IntentCatalogue catalogue, SentenceEmbeddings embeddings) {
        return new PreparedParaphrases(embeddings.model().thenApplyAsync(model -> {
            long start = System.nanoTime();
            SemanticClassifier classifier = new SemanticClassifier(catalogue, model, SemanticPolicy.defaults());
            log.info("Paraphrase fallback ready: {} catalogue phrases embedded in {} ms", classifier.phraseCount(),
                    (System.nanoTime() - start) / 1_000_000);
            return classifier;
        }, task -> {
            Thread thread = new Thread(task, "paraphrase-embedding");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The classifier once its phrases are embedded; if that failed, the chain goes on without it (logged once). */
    static final class PreparedParaphrases implements Fallback {
        private final CompletableFuture<SemanticClassifier> classifier;

        PreparedParaphrases(CompletableFuture<SemanticClassifier> classifier) {
            this.classifier = classifier.whenComplete((ready, failure) -> {
                if (failure != null) {
                    log.error("The paraphrase fallback could not embed the catalogue's phrases; only patterns"
                            + " (and a configured language model) read utterances", failure);
                }
            });
        }

        @Override
        public Optional<Interpretation> interpret(Utterance utterance, EntityResolver resolver) {
            try {
                return classifier.join().interpret(utterance, resolver);
            } catch (CompletionException e) {
                return Optional.empty();
            }
        }
    }

    @Bean
    @ConditionalOnExpression("!'${dictum.llm.base-url:}'.isBlank()")
    ChatModel chatModel(LlmProperties properties) {
        var settings = properties.settings().orElseThrow();
        log.info("Utterances no pattern or paraphrase reads go to the language model at {}", settings);
        return ChatModels.create(settings);
    }

    @Bean
    Interpreter interpreter(IntentCatalogue catalogue, PreparedParaphrases paraphrases, ObjectProvider<ChatModel> chat) {
        List<Fallback> fallbacks = new ArrayList<>(List.of(paraphrases));
        chat.ifAvailable(model -> fallbacks.add(new LlmRouter(catalogue, model)));
        return new Interpreter(catalogue, fallbacks);
    }
}
