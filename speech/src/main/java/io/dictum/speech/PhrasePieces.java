package io.dictum.speech;

import java.util.List;

/**
 * A command listed as pieces rather than as whole phrases: its parts in order, each a choice of listed pieces (the
 * pattern's own words, "start a timer for", or the names of a slot). A firm's names multiply a pattern with many
 * optional words into more whole phrases than a grammar can hold; its pieces, with this pattern beside them, still
 * tell a reading that says one of its commands from pieces that merely follow each other.
 *
 * @param parts the parts in order, each the alternatives it may be said as; the same list may serve many patterns
 */
public record PhrasePieces(List<List<String>> parts) {
    public PhrasePieces {
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("A command listed as pieces needs parts, each with something to say");
        }
    }
}
