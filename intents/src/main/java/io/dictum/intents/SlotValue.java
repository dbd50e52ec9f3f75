package io.dictum.intents;

/**
 * What a checked slot's words mean. {@code valid} is false for words that have the shape of a value but name none,
 * such as "February thirtieth": the reading stands, the slot is reported unresolved, and nothing is guessed.
 *
 * @param value    the normalised value (ISO date, {@code HH:mm}, minutes, a canonical identifier); empty when not valid
 * @param specific whether the words count as literal words when readings are ranked: a date's grammar or a document
 *                 kind from the vocabulary is as telling as fixed words, a name or a free phrase is not
 */
record SlotValue(String value, boolean valid, boolean specific) {

    static SlotValue of(String value) {
        return new SlotValue(value, true, true);
    }

    static SlotValue loose(String value) {
        return new SlotValue(value, true, false);
    }

    static SlotValue impossible() {
        return new SlotValue("", false, true);
    }
}
