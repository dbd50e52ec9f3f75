package io.dictum.intents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A closed set of values each said in several ways, from the catalogue: party roles ("opposing counsel", "the
 * judge", "an expert witness") and matter types ("PI", "slip and fall", "divorce"). A spoken phrase is compared
 * without its leading articles and with every word singularised, so "the insurers" finds {@code insurer}; a phrase
 * outside the vocabulary is no value.
 */
final class PhraseVocabulary {

    private final String name;
    private final Set<String> dropWords;
    private final Map<String, String> valueByKey = new HashMap<>();

    /**
     * @param values canonical value (a snake_case identifier) → the ways of saying it; the identifier with its
     *               underscores read as spaces is one of them. A phrase claimed by two values is rejected.
     */
    PhraseVocabulary(String name, Set<String> dropWords, Map<String, List<String>> values) {
        this.name = name;
        this.dropWords = Set.copyOf(dropWords);
        values.forEach((value, phrases) -> {
            if (!value.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException(name + " value '" + value + "' is not a snake_case identifier");
            }
            register(value.replace('_', ' '), value);
            phrases.forEach(p -> register(p, value));
        });
    }

    private void register(String phrase, String value) {
        String key = key(SpeechNormaliser.words(phrase));
        if (key.isEmpty()) {
            throw new IllegalArgumentException(name + " phrase '" + phrase + "' has no word left once articles are dropped");
        }
        String previous = valueByKey.putIfAbsent(key, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException(name + " phrase '" + phrase + "' belongs both to '" + previous
                    + "' and to '" + value + "'");
        }
    }

    /** Whether the word is dropped from the front of a phrase ("a", "the", "her": catalogue vocabularies.dropWords). */
    boolean drops(String word) {
        return dropWords.contains(word);
    }

    Optional<String> lookup(List<String> words) {
        return Optional.ofNullable(valueByKey.get(key(words)));
    }

    Set<String> values() {
        return Set.copyOf(valueByKey.values());
    }

    private String key(List<String> words) {
        List<String> kept = new ArrayList<>(words);
        while (!kept.isEmpty() && dropWords.contains(kept.get(0))) {
            kept.remove(0);
        }
        return String.join(" ", kept.stream().map(DocumentVocabulary::singular).toList());
    }
}
