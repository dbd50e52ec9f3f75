package io.dictum.core.imports;

import java.util.Locale;

/** What a CSV file brings in. */
public enum ImportKind {
    CONTACTS, CASES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
