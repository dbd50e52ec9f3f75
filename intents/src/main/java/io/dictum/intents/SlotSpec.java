package io.dictum.intents;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A slot declared for an intent in the catalogue.
 *
 * @param optional    when false, every pattern of the intent must capture it
 * @param fromContext for a case slot: when no case is spoken, take the conversation's current case
 * @param dropFirst   for a text slot: phrases (normalised words) said at its front that are not part of its value,
 *                    longest first: "check conflicts on a new client Omar Haddad" checks "Omar Haddad"; {@link #GAP}
 *                    in a phrase stands for one to three words ("a ... named": "a new prospect named Dan Whitaker")
 * @param endsBefore  for a text slot: words that end its value when said after its first word, a remark following:
 *                    "check conflicts on Westfield Mall Management they'd be the other side"
 */
record SlotSpec(String name, SlotType type, boolean optional, boolean fromContext, List<List<String>> dropFirst,
                Set<String> endsBefore) {

    /** In a dropFirst phrase: one to three words, the fewest that let the rest of the phrase follow. */
    static final String GAP = "...";
    private static final int MAX_GAP_WORDS = 3;

    SlotSpec {
        // a gap may stand for more words than it takes: "a ... named" goes before "a new client"
        endsBefore = Set.copyOf(endsBefore);
        dropFirst = dropFirst.stream().sorted(Comparator.comparingInt((List<String> d) -> d.size()
                + (d.contains(GAP) ? MAX_GAP_WORDS - 1 : 0)).reversed()).toList();
    }

    SlotSpec(String name, SlotType type, boolean optional, boolean fromContext) {
        this(name, type, optional, fromContext, List.of(), Set.of());
    }

    /**
     * A text slot's value: without what is dropped from its front, and ending before a word of endsBefore that is not
     * typed with a capital.
     */
    List<Token> value(List<Token> words) {
        List<Token> kept = withoutDroppedFront(words);
        for (int at = 1; at < kept.size(); at++) {
            // typed with a capital it belongs to a name: "Doctors Who Care"
            String surface = kept.get(at).surface();
            boolean capitalised = !surface.isEmpty() && Character.isUpperCase(surface.charAt(0));
            if (endsBefore.contains(kept.get(at).text()) && !capitalised) {
                return kept.subList(0, at);
            }
        }
        return kept;
    }

    /** The slot's words without the longest phrase of {@code dropFirst} they begin with, unless nothing would remain. */
    private List<Token> withoutDroppedFront(List<Token> words) {
        for (List<String> phrase : dropFirst) {
            int end = frontEnd(phrase, 0, words, 0);
            if (end > 0 && end < words.size()) {
                return words.subList(end, words.size());
            }
        }
        return words;
    }

    /** Where {@code phrase} from {@code p} on, said from {@code at} on, ends; -1 when the words do not begin with it. */
    private static int frontEnd(List<String> phrase, int p, List<Token> words, int at) {
        if (p == phrase.size()) {
            return at;
        }
        if (phrase.get(p).equals(GAP)) {
            for (int gap = 1; gap <= MAX_GAP_WORDS && at + gap < words.size(); gap++) {
                int end = frontEnd(phrase, p + 1, words, at + gap);
                if (end > 0) {
                    return end;
                }
            }
            return -1;
        }
        return at < words.size() && words.get(at).text().equals(phrase.get(p)) ? frontEnd(phrase, p + 1, words, at + 1) : -1;
    }
}
