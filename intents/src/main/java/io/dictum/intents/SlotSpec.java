package io.dictum.intents;

import java.util.Comparator;
import java.util.List;

/**
 * A slot declared for an intent in the catalogue.
 *
 * @param optional    when false, every pattern of the intent must capture it
 * @param fromContext for a case slot: when no case is spoken, take the conversation's current case
 * @param dropFirst   for a text slot: phrases (normalised words) said at its front that are not part of its value,
 *                    longest first: "check conflicts on a new client Omar Haddad" checks "Omar Haddad"
 */
record SlotSpec(String name, SlotType type, boolean optional, boolean fromContext, List<List<String>> dropFirst) {

    SlotSpec {
        dropFirst = dropFirst.stream().sorted(Comparator.comparingInt((List<String> d) -> d.size()).reversed()).toList();
    }

    SlotSpec(String name, SlotType type, boolean optional, boolean fromContext) {
        this(name, type, optional, fromContext, List.of());
    }

    /** The slot's words without the longest phrase of {@code dropFirst} they begin with, unless nothing would remain. */
    List<Token> withoutDroppedFront(List<Token> words) {
        for (List<String> phrase : dropFirst) {
            if (phrase.size() < words.size()
                    && words.subList(0, phrase.size()).stream().map(Token::text).toList().equals(phrase)) {
                return words.subList(phrase.size(), words.size());
            }
        }
        return words;
    }
}
