package io.dictum.intents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a captured slot's words become a value. Date, duration and person types come with the intents that need them. */
enum SlotType {
    /** A reference to a case, resolved to a case id through {@link EntityResolver}. */
    CASE,
    /** A kind of document, normalised against the catalogue's document vocabulary ("crash report" → "police report"). */
    DOCUMENT,
    /** Free text kept as spoken (capitals kept, punctuation dropped), e.g. a note or a name. */
    TEXT;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SlotType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
