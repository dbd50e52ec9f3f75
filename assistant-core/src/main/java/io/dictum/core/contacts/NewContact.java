package io.dictum.core.contacts;

import java.util.List;

/** A person or organisation to add; kind defaults to person. */
public record NewContact(String name, String kind, List<String> aliases, String email, String phone) {
}
