package io.dictum.speech;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Phrases a recogniser listens for, normalised once (lower case, single spaces, duplicates dropped), with Vosk's
 * grammar JSON ({@code [unk]} added) built once. The firm's command list has tens of thousands of phrases: build it
 * once per version and share it between streams instead of re-normalising it for each.
 */
public final class PhraseList {

    public static final PhraseList EMPTY = new PhraseList(Set.of(), Set.of(), null);
    static final String UNKNOWN_WORD = "[unk]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> phrases;
    /** Every phrase's leading words ("open", "open the", ... "open the miller case"). */
    private final Set<String> beginnings;
    private final String grammarJson;

    private PhraseList(Set<String> phrases, Set<String> beginnings, String grammarJson) {
        this.phrases = phrases;
        this.beginnings = beginnings;
        this.grammarJson = grammarJson;
    }

    /** The phrases, normalised; blanks and nulls are skipped. */
    public static PhraseList of(Collection<String> phrases) {
        if (phrases == null || phrases.isEmpty()) {
            return EMPTY;
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String p = normalise(phrase);
            if (!p.isEmpty()) {
                normalised.add(p);
            }
        }
        if (normalised.isEmpty()) {
            return EMPTY;
        }
        Set<String> beginnings = new HashSet<>();
        for (String phrase : normalised) {
            for (int space = phrase.indexOf(' '); space > 0; space = phrase.indexOf(' ', space + 1)) {
                beginnings.add(phrase.substring(0, space));
            }
            beginnings.add(phrase);
        }
        Set<String> grammar = new LinkedHashSet<>(normalised);
        grammar.add(UNKNOWN_WORD);
        try {
            return new PhraseList(Set.copyOf(normalised), beginnings, JSON.writeValueAsString(grammar));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the phrase list as JSON", e);
        }
    }

    static String normalise(String phrase) {
        return phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether the whole text, normalised, is one of the phrases. */
    public boolean contains(String text) {
        return phrases.contains(normalise(text));
    }

    /** Whether the text, normalised, is one of the phrases or the first words of one. */
    public boolean begins(String text) {
        return beginnings.contains(normalise(text));
    }

    public boolean isEmpty() {
        return phrases.isEmpty();
    }

    public int size() {
        return phrases.size();
    }

    /** The phrases in no particular order. */
    public List<String> phrases() {
        return List.copyOf(phrases);
    }

    /** Vosk's grammar: the phrases and {@code [unk]}; null when empty (no restriction). */
    String grammarJson() {
        return grammarJson;
    }
}
