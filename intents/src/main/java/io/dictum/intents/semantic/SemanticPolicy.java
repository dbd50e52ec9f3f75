package io.dictum.intents.semantic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dictum.intents.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the paraphrase classifier may answer, and how the catalogue's patterns are written out for it; the bundled
 * numbers and their reasons are in {@code io/dictum/intents/semantic/semantic.yaml}.
 *
 * @param threshold          the least cosine similarity to a catalogue phrase for an answer
 * @param changingThreshold  the same for an intent that changes data ({@link Intent#changesData()})
 * @param margin             how far the best intent's phrase must lead the best phrase of any other intent
 * @param variantsPerPattern how many phrases each pattern is written out as, at most
 * @param fill               typical slot values by slot type ({@code duration: [thirty minutes, an hour]}), taken in turn
 * @param fillBySlot         typical slot values by {@code intent.slot}, where the type says too little
 * @param phrases            more ways of saying an intent than its patterns, learnt beside the catalogue's
 * @param minWords           the fewest words (fillers not counted) an utterance needs for an answer
 * @param talk               remarks that are no command: an utterance nearer to one of them than the margin is left
 *                           unknown
 * @param neighbours         how many of an intent's nearest phrases its score averages (1: the nearest alone)
 * @param statements         the shape of a remark ("the police report is in my car"), which is never answered
 * @param textCues           by {@code intent.slot}: words after which a free-text slot's value is said, for intents
 *                           that change no data ({@code search.query: [for, about]})
 * @param questionWords      words a question opens with: a question is never answered with an intent that changes
 *                           data ("who wrote this engagement letter" drafts nothing)
 * @param actionWords        by intent: an intent listed here is answered only when one of its words was said
 *                           ("I need an engagement letter for the new client" is near sharing one, but shares nothing)
 */
public record SemanticPolicy(double threshold, double changingThreshold, double margin,
                             int variantsPerPattern, Map<String, List<String>> fill,
                             Map<String, List<String>> fillBySlot, Map<Intent, List<String>> phrases,
                             int minWords, List<String> talk, int neighbours, Statements statements,
                             Map<String, List<String>> textCues, List<String> questionWords,
                             Map<Intent, List<String>> actionWords) {

    /**
     * A remark opens with a short subject and then one of {@code verbs}: at most {@code maxSubjectWords} words, none of
     * them in {@code notSubjects} (question words: "when is the hearing" asks), not counting {@code determiners}.
     */
    public record Statements(int maxSubjectWords, List<String> determiners, List<String> verbs,
                             List<String> notSubjects) {
        public Statements {
            if (maxSubjectWords < 0) {
                throw new IllegalArgumentException("statements.maxSubjectWords must not be negative: " + maxSubjectWords);
            }
            determiners = determiners == null ? List.of() : List.copyOf(determiners);
            verbs = verbs == null ? List.of() : List.copyOf(verbs);
            notSubjects = notSubjects == null ? List.of() : List.copyOf(notSubjects);
        }

        static final Statements NONE = new Statements(0, List.of(), List.of(), List.of());

        /** Whether the words (normalised, fillers dropped) have the shape of a remark. */
        public boolean matches(List<String> words) {
            int at = 0;
            while (at < words.size() && determiners.contains(words.get(at))) {
                at++;
            }
            int subject = 0;
            while (at < words.size() && !verbs.contains(words.get(at))) {
                if (notSubjects.contains(words.get(at)) || ++subject > maxSubjectWords) {
                    return false;
                }
                at++;
            }
            return subject > 0 && at < words.size();
        }
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public SemanticPolicy {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1): " + threshold);
        }
        if (!(changingThreshold >= threshold && changingThreshold < 1)) {
            throw new IllegalArgumentException("changingThreshold must be within [threshold, 1): " + changingThreshold);
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be within [0, 1): " + margin);
        }
        if (variantsPerPattern < 1) {
            throw new IllegalArgumentException("variantsPerPattern must be at least 1: " + variantsPerPattern);
        }
        fill = copy("fill", fill);
        fillBySlot = copy("fillBySlot", fillBySlot);
        Map<Intent, List<String>> lists = new java.util.EnumMap<>(Intent.class);
        (phrases == null ? Map.<Intent, List<String>>of() : phrases).forEach((intent, list) ->
                lists.put(intent, list == null ? List.of() : List.copyOf(list)));
        phrases = java.util.Collections.unmodifiableMap(lists);
        if (minWords < 0) {
            throw new IllegalArgumentException("minWords must not be negative: " + minWords);
        }
        talk = talk == null ? List.of() : List.copyOf(talk);
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1: " + neighbours);
        }
        statements = statements == null ? Statements.NONE : statements;
        textCues = copy("textCues", textCues);
        questionWords = questionWords == null ? List.of() : List.copyOf(questionWords);
        Map<Intent, List<String>> actions = new java.util.EnumMap<>(Intent.class);
        (actionWords == null ? Map.<Intent, List<String>>of() : actionWords).forEach((intent, list) -> {
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("actionWords." + intent.id() + " needs at least one word");
            }
            actions.put(intent, List.copyOf(list));
        });
        actionWords = java.util.Collections.unmodifiableMap(actions);
    }

    /**
     * Whether an intent may answer these words (normalised, fillers dropped): a question changes nothing, and an intent
     * with action words needs one of them said.
     */
    public boolean mayAnswer(Intent intent, List<String> words) {
        List<String> actions = actionWords.get(intent);
        if (actions != null && words.stream().noneMatch(actions::contains)) {
            return false;
        }
        return !intent.changesData() || words.isEmpty() || !questionWords.contains(words.get(0));
    }

    /** The bundled policy. */
    public static SemanticPolicy defaults() {
        try (InputStream in = SemanticPolicy.class.getResourceAsStream("semantic.yaml")) {
            if (in == null) {
                throw new IllegalStateException("io/dictum/intents/semantic/semantic.yaml is not on the class path");
            }
            return YAML.readValue(in, SemanticPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("io/dictum/intents/semantic/semantic.yaml: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> copy(String field, Map<String, List<String>> values) {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        (values == null ? Map.<String, List<String>>of() : values).forEach((key, list) -> {
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException(field + "." + key + " needs at least one value");
            }
            copy.put(key, List.copyOf(list));
        });
        return Map.copyOf(copy);
    }

    /** The typical value of a slot for the {@code variant}-th written-out phrase; the slot's name when none is given. */
    public String fill(Intent intent, String slot, String type, int variant) {
        List<String> values = fillBySlot.getOrDefault(intent.id() + "." + slot, fill.get(type));
        return values == null ? slot : values.get(variant % values.size());
    }

    /** The least similarity for an answer of this intent. */
    public double threshold(Intent intent) {
        return intent.changesData() ? changingThreshold : threshold;
    }

    /** The same phrases, other limits: for measuring the effect of the numbers. */
    public SemanticPolicy withLimits(double threshold, double changingThreshold, double margin) {
        return new SemanticPolicy(threshold, changingThreshold, margin, variantsPerPattern, fill, fillBySlot,
                phrases, minWords, talk, neighbours, statements, textCues, questionWords, actionWords);
    }

    /** The same phrases and limits, scoring intents by their {@code k} nearest phrases. */
    public SemanticPolicy withNeighbours(int k) {
        return new SemanticPolicy(threshold, changingThreshold, margin, variantsPerPattern, fill, fillBySlot,
                phrases, minWords, talk, k, statements, textCues, questionWords, actionWords);
    }
}
