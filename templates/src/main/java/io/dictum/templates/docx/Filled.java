package io.dictum.templates.docx;

import java.util.List;

/**
 * A filled template: the .docx bytes (absent when values were missing and the caller chose {@link OnMissing#FAIL})
 * and every placeholder that had no value.
 */
public record Filled(byte[] docx, List<MissingValue> missing) {

    public Filled {
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
