package io.dictum.intents;

import java.util.List;
import java.util.OptionalInt;

/**
 * The spoken-number reading of the router, for callers outside this module that meet numbers in answers rather than
 * in commands ("the second one", "number two", "the 2024 one"). Words are lower-case and normalised; every word given
 * must belong to the number or the answer is empty.
 */
public final class SpokenOrdinals {

    private SpokenOrdinals() {
    }

    /** "second", "twenty first", "2nd". */
    public static OptionalInt ordinal(List<String> words) {
        return SpokenNumbers.ordinal(words);
    }

    /** "two", "42", "twenty twenty four". */
    public static OptionalInt cardinal(List<String> words) {
        return SpokenNumbers.cardinal(words);
    }
}
