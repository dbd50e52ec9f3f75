package io.dictum.templates.docx;

/** What became of one drafted section in a filled document: its text, or null when it needs writing. */
public record DraftOutcome(DraftSection section, SectionText text) {

    public boolean written() {
        return text != null;
    }
}
