package io.dictum.templates.docx;

/** What to do with a placeholder that has no value. */
public enum OnMissing {
    /** Produce nothing; the caller gets the list of missing values. */
    FAIL,
    /** Write {@code «MISSING: Name»}, bold on yellow, in the draft, so nobody can overlook it. */
    MARK
}
