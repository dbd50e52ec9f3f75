package io.dictum.core.index;

import java.util.List;

/** What the index holds of a case: enough to find it by number, title or any party's name, and to filter access. */
public record CaseEntry(String id, String number, String title, String clientId, List<String> names) {
    public CaseEntry {
        names = List.copyOf(names);
    }
}
