package io.dictum.core.contacts;

import java.util.List;

public record Contact(ContactId id, String name, ContactKind kind, List<String> aliases, String email,
                      String phone) {
    public Contact {
        aliases = List.copyOf(aliases);
    }
}
