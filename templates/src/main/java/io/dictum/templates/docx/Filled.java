package io.dictum.templates.docx;

import java.util.List;

/**
 * A filled template: the .docx bytes (absent when values were missing and the caller chose {@link OnMissing#FAIL}),
 * every placeholder that had no value, and what became of each {@code [#draft]} section.
 */
public record Filled(byte[] docx, List<MissingValue> missing, List<DraftOutcome> sections) {

    public Filled {
        missing = List.copyOf(missing);
        sections = List.copyOf(sections);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
