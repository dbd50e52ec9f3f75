package io.dictum.core.users;

import io.dictum.core.contacts.ContactId;

/** What an administrator supplies to add a user; a client user must name the contact it speaks for. */
public record NewUser(String username, String password, Role role, String displayName, ContactId contactId) {
}
