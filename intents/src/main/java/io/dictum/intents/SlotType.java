package io.dictum.intents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a captured slot's words become a value. The <em>bounded</em> types take only words that form a value of the
 * type, so a pattern's slot boundaries follow the grammar of dates or durations, and their words count as literal
 * words when readings are ranked.
 */
enum SlotType {
    /** A reference to a case, resolved to a case id through {@link EntityResolver}. */
    CASE(false, false),
    /** A kind of document, normalised against the catalogue's document vocabulary ("crash report" → "police report"). */
    DOCUMENT(false, true),
    /** Free text kept as spoken (capitals kept, punctuation dropped), e.g. a note or a name. */
    TEXT(false, false),
    /**
     * What happened or is to happen, as said but lower case, without articles in front and without auxiliary verbs
     * ("the complaint was served" → {@code complaint served}, "a status conference" → {@code status conference}).
     * An event does not begin with a pronoun: "I was served today" is not a docket entry.
     */
    EVENT(false, true),
    /** A calendar day as ISO-8601 ({@code 2026-03-03}), relative to the utterance's reference time. */
    DATE(true, true),
    /** A time of day as {@code HH:mm}. */
    TIME(true, true),
    /** A length of time in whole minutes ({@code 90}). */
    DURATION(true, true),
    /** A whole number ({@code 105}) said in words or digits. */
    NUMBER(true, true),
    /** A person's (or organisation's) name, title-cased unless spoken with capitals ({@code John Doe}). */
    PERSON(false, true),
    /** A party role from the catalogue's role vocabulary ({@code opposing_counsel}). */
    ROLE(true, true),
    /** A matter type from the catalogue's matter-type vocabulary ({@code personal_injury}). */
    MATTER_TYPE(true, true),
    /** A span of days as an ISO-8601 interval of dates, both included ({@code 2026-11-23/2026-11-29}). */
    PERIOD(true, true);

    private final boolean bounded;
    private final boolean weighed;

    SlotType(boolean bounded, boolean weighed) {
        this.bounded = bounded;
        this.weighed = weighed;
    }

    /**
     * Whether only the words of a value fit (a date, a role), so that the type alone decides where the slot ends: such
     * a slot may sit right next to another slot in a pattern.
     */
    boolean bounded() {
        return bounded;
    }

    /**
     * Whether matching asks the type about the words while it cuts the utterance: a bounded type rejects words that
     * are no value, a person rejects clauses, and a document kind from the vocabulary counts as literal words.
     */
    boolean weighed() {
        return weighed;
    }

    /** Whether a pattern may capture the slot in several pieces, joined in order: free text only. */
    boolean inPieces() {
        return this == TEXT || this == EVENT;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SlotType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
