package io.dictum.templates.extraction;

import java.util.Optional;

/**
 * The text of a file for indexing, or why there is none: a corrupt or encrypted file is kept by the caller but
 * marked not searchable with this reason.
 */
public record ExtractedText(String mediaType, Optional<String> text, Optional<String> notSearchableReason) {

    public static ExtractedText of(String mediaType, String text) {
        return new ExtractedText(mediaType, Optional.of(text), Optional.empty());
    }

    public static ExtractedText unsearchable(String mediaType, String reason) {
        return new ExtractedText(mediaType, Optional.empty(), Optional.of(reason));
    }

    public boolean searchable() {
        return text.isPresent();
    }
}
