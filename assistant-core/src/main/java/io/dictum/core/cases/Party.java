package io.dictum.core.cases;

import io.dictum.core.contacts.ContactId;

/** A contact's part in a case, with the contact's name for display and indexing. */
public record Party(CaseId caseId, ContactId contactId, String name, PartyRole role) {
}
