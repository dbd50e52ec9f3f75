package io.dictum.speech;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Phrases a recogniser listens for, normalised once (lower case, single spaces, duplicates dropped), with Vosk's
 * grammar JSON ({@code [unk]} added) built once. The firm's command list has tens of thousands of phrases: build it
 * once per version and share it between streams instead of re-normalising it for each.
 *
 * <p>Beside the phrases it may hold {@linkplain PhrasePattern patterns} listed as pieces: a reading that says a
 * pattern's parts in order is a listed command as much as a whole phrase is ({@link #lists}).
 */
public final class PhraseList {

    public static final PhraseList EMPTY = new PhraseList(Set.of(), Set.of(), Map.of(), null);
    static final String UNKNOWN_WORD = "[unk]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> phrases;
    /** Every phrase's leading words ("open", "open the", ... "open the miller case"). */
    private final Set<String> beginnings;
    /** The patterns listed as pieces, by the first word they may begin with. */
    private final Map<String, List<Pattern>> patterns;
    private final String grammarJson;

    private PhraseList(Set<String> phrases, Set<String> beginnings, Map<String, List<Pattern>> patterns,
                       String grammarJson) {
        this.phrases = phrases;
        this.beginnings = beginnings;
        this.patterns = patterns;
        this.grammarJson = grammarJson;
    }

    /** The phrases, normalised; blanks and nulls are skipped. */
    public static PhraseList of(Collection<String> phrases) {
        return of(phrases, List.of());
    }

    /**
     * The phrases, normalised, and patterns said as pieces of them. A pattern part's alternatives that are not
     * phrases of the list cannot be heard and are left out; a pattern with a part left empty is dropped.
     */
    public static PhraseList of(Collection<String> phrases, Collection<PhrasePattern> patterns) {
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
        Set<String> grammar = new LinkedHashSet<>(normalised);
        grammar.add(UNKNOWN_WORD);
        try {
            return new PhraseList(Set.copyOf(normalised), beginnings(normalised), index(patterns, normalised),
                    JSON.writeValueAsString(grammar));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the phrase list as JSON", e);
        }
    }

    private static Set<String> beginnings(Collection<String> phrases) {
        Set<String> beginnings = new HashSet<>();
        for (String phrase : phrases) {
            for (int space = phrase.indexOf(' '); space > 0; space = phrase.indexOf(' ', space + 1)) {
                beginnings.add(phrase.substring(0, space));
            }
            beginnings.add(phrase);
        }
        return beginnings;
    }

    /** The patterns with their parts read once (a slot's names serve many patterns), by their possible first words. */
    private static Map<String, List<Pattern>> index(Collection<PhrasePattern> patterns, Set<String> phrases) {
        Map<List<String>, Part> parts = new IdentityHashMap<>();
        Map<String, List<Pattern>> byFirstWord = new HashMap<>();
        for (PhrasePattern pattern : patterns) {
            List<Part> read = new ArrayList<>();
            for (List<String> alternatives : pattern.parts()) {
                read.add(parts.computeIfAbsent(alternatives, a -> Part.of(a, phrases)));
            }
            if (read.stream().anyMatch(p -> p.alternatives.isEmpty())) {
                continue;
            }
            Pattern p = new Pattern(List.copyOf(read));
            for (String first : read.get(0).firstWords) {
                byFirstWord.computeIfAbsent(first, w -> new ArrayList<>()).add(p);
            }
        }
        return byFirstWord;
    }

    static String normalise(String phrase) {
        return phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether the whole text, normalised, is one of the phrases. */
    public boolean contains(String text) {
        return phrases.contains(normalise(text));
    }

    /** Whether the text, normalised, is one of the phrases or a pattern's parts said in order. */
    public boolean lists(String text) {
        String t = normalise(text);
        return phrases.contains(t) || matchesPattern(t, false);
    }

    /** Whether the text, normalised, is one of the phrases or patterns, or the first words of one. */
    public boolean begins(String text) {
        String t = normalise(text);
        return beginnings.contains(t) || matchesPattern(t, true);
    }

    private boolean matchesPattern(String text, boolean beginning) {
        if (patterns.isEmpty() || text.isEmpty()) {
            return false;
        }
        String[] words = text.split(" ");
        for (Pattern pattern : patterns.getOrDefault(words[0], List.of())) {
            if (pattern.matches(words, 0, 0, beginning)) {
                return true;
            }
        }
        return false;
    }

    /** A pattern part: what it may be said as, and the first words of those. */
    private record Part(Set<String> alternatives, Set<String> beginnings, Set<String> firstWords, int maxWords) {
        static Part of(List<String> alternatives, Set<String> phrases) {
            Set<String> said = new HashSet<>();
            for (String alternative : alternatives) {
                String a = normalise(alternative);
                if (phrases.contains(a)) {
                    said.add(a);
                }
            }
            Set<String> firstWords = new HashSet<>();
            int maxWords = 0;
            for (String a : said) {
                String[] words = a.split(" ");
                firstWords.add(words[0]);
                maxWords = Math.max(maxWords, words.length);
            }
            return new Part(Set.copyOf(said), Set.copyOf(PhraseList.beginnings(said)), Set.copyOf(firstWords),
                    maxWords);
        }
    }

    private record Pattern(List<Part> parts) {
        /**
         * Whether words from {@code from} on say the parts from {@code part} on; with {@code beginning}, the words
         * may stop anywhere, also within a part.
         */
        boolean matches(String[] words, int from, int part, boolean beginning) {
            if (from == words.length) {
                return part == parts.size() || beginning;
            }
            if (part == parts.size()) {
                return false;
            }
            Part p = parts.get(part);
            StringBuilder said = new StringBuilder();
            for (int end = from; end < words.length && end - from < p.maxWords(); end++) {
                said.append(end > from ? " " : "").append(words[end]);
                String s = said.toString();
                if (p.alternatives().contains(s) && matches(words, end + 1, part + 1, beginning)) {
                    return true;
                }
                if (beginning && end == words.length - 1 && p.beginnings().contains(s)) {
                    return true;
                }
            }
            return false;
        }
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
