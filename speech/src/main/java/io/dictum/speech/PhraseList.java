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
 * <p>Beside the phrases it may hold {@linkplain PhrasePieces patterns} listed as pieces: a reading that says a
 * pattern's parts in order is a listed command as much as a whole phrase is ({@link #lists}).
 */
public final class PhraseList {

    public static final PhraseList EMPTY = new PhraseList(Set.of(), Set.of(), new PatternNode(), null);
    static final String UNKNOWN_WORD = "[unk]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> phrases;
    /** Every phrase's leading words ("open", "open the", ... "open the miller case"). */
    private final Set<String> beginnings;
    /** The patterns listed as pieces, as a tree of their parts from the first on (shared beginnings once). */
    private final PatternNode patterns;
    private final String grammarJson;

    private PhraseList(Set<String> phrases, Set<String> beginnings, PatternNode patterns, String grammarJson) {
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
    public static PhraseList of(Collection<String> phrases, Collection<PhrasePieces> patterns) {
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
            return new PhraseList(Set.copyOf(normalised), beginnings(normalised), PatternNode.of(patterns, normalised),
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
        return !patterns.isLeaf() && !text.isEmpty() && patterns.matches(text.split(" "), 0, beginning);
    }

    /** A pattern part said in one of several ways (a slot's names): the ways, their beginnings, the longest. */
    private record Slot(Set<String> alternatives, Set<String> beginnings, int maxWords) {
        static Slot of(List<String> alternatives, Set<String> phrases) {
            Set<String> said = new HashSet<>();
            for (String alternative : alternatives) {
                String a = normalise(alternative);
                if (phrases.contains(a)) {
                    said.add(a);
                }
            }
            return new Slot(Set.copyOf(said), Set.copyOf(PhraseList.beginnings(said)), longest(said));
        }
    }

    private static int longest(Collection<String> said) {
        return said.stream().mapToInt(a -> a.split(" ").length).max().orElse(0);
    }

    /**
     * Where a reading has got to in the patterns: the parts that may follow, said one way (a run of the pattern's own
     * words) or as a slot, and whether a pattern may end here.
     */
    private static final class PatternNode {
        private final Map<String, PatternNode> words = new HashMap<>();
        private final Set<String> wordBeginnings = new HashSet<>();
        private int maxWords;
        private final Map<Slot, PatternNode> slots = new IdentityHashMap<>();
        private boolean end;

        /**
         * The patterns whose every part can be heard: a run of words must be a phrase of the list, and a slot keeps
         * the names that are; a slot's names are read once for all the patterns that share them.
         */
        static PatternNode of(Collection<PhrasePieces> patterns, Set<String> phrases) {
            PatternNode root = new PatternNode();
            Map<List<String>, Slot> slots = new IdentityHashMap<>();
            for (PhrasePieces pattern : patterns) {
                List<Object> parts = new ArrayList<>();
                for (List<String> alternatives : pattern.parts()) {
                    if (alternatives.size() == 1) {
                        String run = normalise(alternatives.get(0));
                        parts.add(phrases.contains(run) ? run : null);
                    } else {
                        Slot slot = slots.computeIfAbsent(alternatives, a -> Slot.of(a, phrases));
                        parts.add(slot.alternatives().isEmpty() ? null : slot);
                    }
                }
                if (!parts.contains(null)) {
                    root.add(parts);
                }
            }
            return root;
        }

        private void add(List<Object> parts) {
            PatternNode node = this;
            for (Object part : parts) {
                node = part instanceof Slot slot ? node.slots.computeIfAbsent(slot, x -> new PatternNode())
                        : node.words(part.toString());
            }
            node.end = true;
        }

        private PatternNode words(String run) {
            PatternNode next = words.get(run);
            if (next == null) {
                next = new PatternNode();
                words.put(run, next);
                wordBeginnings.addAll(PhraseList.beginnings(List.of(run)));
                maxWords = Math.max(maxWords, run.split(" ").length);
            }
            return next;
        }

        boolean isLeaf() {
            return words.isEmpty() && slots.isEmpty();
        }

        /**
         * Whether the words from {@code from} on say the parts of a pattern from here to its end; with
         * {@code beginning}, the words may stop anywhere, also within a part.
         */
        boolean matches(String[] text, int from, boolean beginning) {
            if (from == text.length) {
                return end || beginning;
            }
            if (saysNext(text, from, beginning, maxWords, words::get, wordBeginnings)) {
                return true;
            }
            for (Map.Entry<Slot, PatternNode> slot : slots.entrySet()) {
                Set<String> names = slot.getKey().alternatives();
                if (saysNext(text, from, beginning, slot.getKey().maxWords(),
                        said -> names.contains(said) ? slot.getValue() : null, slot.getKey().beginnings())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a way of saying the next part ({@code next}: the node after it, or null) leads to a match. */
        private static boolean saysNext(String[] text, int from, boolean beginning, int maxWords,
                                        java.util.function.Function<String, PatternNode> next,
                                        Set<String> beginnings) {
            StringBuilder said = new StringBuilder();
            for (int to = from; to < text.length && to - from < maxWords; to++) {
                said.append(to > from ? " " : "").append(text[to]);
                String s = said.toString();
                PatternNode after = next.apply(s);
                if (after != null && after.matches(text, to + 1, beginning)) {
                    return true;
                }
                if (beginning && to == text.length - 1 && beginnings.contains(s)) {
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
