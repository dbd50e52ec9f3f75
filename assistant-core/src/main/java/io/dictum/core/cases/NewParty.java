package io.dictum.core.cases;

/** A party to add to a case: an existing contact, or a new one by name (and kind, person by default). */
public record NewParty(String contactId, String name, String kind, String role) {
}
