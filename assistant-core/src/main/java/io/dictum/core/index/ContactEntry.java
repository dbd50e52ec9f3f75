package io.dictum.core.index;

import java.util.List;

/** What the index holds of a contact: found by name, alias or e-mail address; firm members only. */
public record ContactEntry(String id, String name, List<String> aliases, String email) {
    public ContactEntry {
        aliases = List.copyOf(aliases);
    }
}
