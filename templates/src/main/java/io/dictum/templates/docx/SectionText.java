package io.dictum.templates.docx;

import java.util.List;

/**
 * A written section: the label shown above it in the document (who wrote it, from what, that it is a draft for
 * review) and its paragraphs.
 */
public record SectionText(String label, List<String> paragraphs) {

    public SectionText {
        paragraphs = List.copyOf(paragraphs);
    }
}
