package io.dictum.intents.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.dictum.intents.Alternative;
import io.dictum.intents.EntityResolver;
import io.dictum.intents.Fallback;
import io.dictum.intents.Intent;
import io.dictum.intents.IntentCatalogue;
import io.dictum.intents.Interpretation;
import io.dictum.intents.InterpretationSource;
import io.dictum.intents.SlotFilling;
import io.dictum.intents.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The offline paraphrase fallback. At construction every catalogue example and every pattern, written out a few
 * ways with typical slot values, is embedded once with a sentence-embedding model running in-process; an utterance
 * the patterns missed is embedded the same way and takes the intent of its nearest phrase (cosine similarity),
 * provided the similarity reaches the policy's threshold (a higher one for intents that change data) and leads every
 * other intent's nearest phrase by the margin. Slots are read by Dictum's own readers ({@link SlotFilling#scan}); an intent whose required slot cannot be
 * read gives no answer. Embedding takes milliseconds of CPU: callers run it off event loops.
 */
public final class SemanticClassifier implements Fallback {

    /** A catalogue phrase with its unit-length embedding. */
    private record Phrase(Intent intent, String text, float[] vector) {
    }

    /** How close an utterance came to each intent, nearest first: {@code confidence} is the cosine similarity. */
    public record Ranking(List<Alternative> intents) {
        public Ranking {
            intents = List.copyOf(intents);
        }

        double best() {
            return intents.isEmpty() ? 0 : intents.get(0).confidence();
        }

        double lead() {
            return intents.size() < 2 ? best() : best() - intents.get(1).confidence();
        }
    }

    private static final int BATCH = 64;

    private final EmbeddingModel model;
    private final IntentCatalogue catalogue;
    private final SlotFilling slots;
    private final SemanticPolicy policy;
    private final List<Phrase> phrases;

    /** The bundled model and policy. */
    public SemanticClassifier(IntentCatalogue catalogue) {
        this(catalogue, new AllMiniLmL6V2QuantizedEmbeddingModel(), SemanticPolicy.defaults());
    }

    public SemanticClassifier(IntentCatalogue catalogue, EmbeddingModel model, SemanticPolicy policy) {
        this.model = Objects.requireNonNull(model, "model");
        this.catalogue = catalogue;
        this.slots = new SlotFilling(catalogue);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.phrases = embed(model, phrases(catalogue, slots, policy));
    }

    private SemanticClassifier(SemanticClassifier other, SemanticPolicy policy) {
        this.model = other.model;
        this.catalogue = other.catalogue;
        this.slots = other.slots;
        this.policy = policy;
        this.phrases = other.phrases;
    }

    /** The same phrases and model under other limits (the phrases are not embedded again). */
    public SemanticClassifier withPolicy(SemanticPolicy other) {
        return new SemanticClassifier(this, other);
    }

    public SemanticPolicy policy() {
        return policy;
    }

    /** How many catalogue phrases were embedded. */
    public int phraseCount() {
        return phrases.size();
    }

    @Override
    public Optional<Interpretation> interpret(Utterance utterance, EntityResolver resolver) {
        List<String> words = catalogue.words(utterance.text());
        if (words.size() < policy.minWords() || policy.statements().matches(words)) {
            // "log", "the complaint": a fragment is no paraphrase of anything; "the police report is in my car" is
            // about the police report, not a request for it
            return Optional.empty();
        }
        Ranking ranking = rank(utterance.text());
        if (ranking.intents().isEmpty()) {
            return Optional.empty();
        }
        Alternative best = ranking.intents().get(0);
        if (best.intent() == Intent.UNKNOWN || best.confidence() < policy.threshold(best.intent())
                || ranking.lead() < policy.margin() || !policy.mayAnswer(best.intent(), words)) {
            return Optional.empty(); // nearest to talk, too far from every phrase, or two intents too close to call
        }
        List<Alternative> others = ranking.intents().stream().skip(1).filter(a -> a.intent() != Intent.UNKNOWN)
                .limit(3).toList();
        return slots.scan(best.intent(), utterance, resolver, best.confidence(), others, InterpretationSource.SEMANTIC,
                policy.textCues());
    }

    /** Every intent, and {@link Intent#UNKNOWN} for the talk phrases, with the similarity of its nearest phrase, nearest first. */
    public Ranking rank(String text) {
        if (text == null || text.isBlank()) {
            return new Ranking(List.of());
        }
        float[] query = unit(model.embed(text.toLowerCase(Locale.ROOT)).content().vector());
        // an intent scores the mean similarity of its k nearest phrases: one stray phrase close to talk weighs less
        int k = policy.neighbours();
        Map<Intent, double[]> nearest = new EnumMap<>(Intent.class);
        for (Phrase phrase : phrases) {
            double similarity = dot(query, phrase.vector());
            double[] top = nearest.computeIfAbsent(phrase.intent(), i -> filled(k));
            if (similarity > top[k - 1]) { // keep the k best, sorted descending
                int at = k - 1;
                while (at > 0 && top[at - 1] < similarity) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = similarity;
            }
        }
        List<Alternative> ranked = new ArrayList<>();
        nearest.forEach((intent, top) -> {
            double sum = 0;
            int n = 0;
            for (double v : top) {
                if (v > Double.NEGATIVE_INFINITY) {
                    sum += v;
                    n++;
                }
            }
            ranked.add(new Alternative(intent, Math.round(sum / n * 1000) / 1000.0));
        });
        ranked.sort(Comparator.comparingDouble(Alternative::confidence).reversed());
        return new Ranking(ranked);
    }

    private static List<Phrase> phrases(IntentCatalogue catalogue, SlotFilling slots, SemanticPolicy policy) {
        List<Phrase> texts = new ArrayList<>();
        for (Intent intent : catalogue.intents()) {
            Map<String, String> types = new java.util.HashMap<>();
            slots.slots(intent).forEach(s -> types.put(s.name(), s.type()));
            Set<String> seen = new LinkedHashSet<>();
            List<String> written = new ArrayList<>(catalogue.examples(intent));
            written.addAll(policy.phrases().getOrDefault(intent, List.of()));
            for (String phrase : written) {
                seen.add(plain(phrase));
            }
            for (String pattern : catalogue.patterns(intent)) {
                seen.addAll(PhraseExpander.expand(pattern, policy.variantsPerPattern(), (slot, variant) ->
                        policy.fill(intent, slot, types.getOrDefault(slot, ""), variant)));
            }
            seen.forEach(text -> texts.add(new Phrase(intent, text, null)));
        }
        policy.talk().stream().map(SemanticClassifier::plain).distinct()
                .forEach(text -> texts.add(new Phrase(Intent.UNKNOWN, text, null)));
        return texts;
    }

    private static double[] filled(int k) {
        double[] top = new double[k];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        return top;
    }

    private static String plain(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' -]", " ").replaceAll("\\s+", " ").strip();
    }

    private static List<Phrase> embed(EmbeddingModel model, List<Phrase> texts) {
        List<Phrase> embedded = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<Phrase> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            var vectors = model.embedAll(batch.stream().map(p -> TextSegment.from(p.text())).toList()).content();
            for (int i = 0; i < batch.size(); i++) {
                embedded.add(new Phrase(batch.get(i).intent(), batch.get(i).text(), unit(vectors.get(i).vector())));
            }
        }
        return List.copyOf(embedded);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / (norm == 0 ? 1 : norm));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
