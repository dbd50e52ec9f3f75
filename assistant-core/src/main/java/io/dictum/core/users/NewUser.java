package io.dictum.core.users;

import io.dictum.core.contacts.ContactId;

/**
 * What an administrator supplies to add a user; a client user must name the contact it speaks for. {@code email}
 * is where reminders are mailed when e-mail is configured.
 */
public record NewUser(String username, String password, Role role, String displayName, ContactId contactId,
                      String email) {

    public NewUser(String username, String password, Role role, String displayName, ContactId contactId) {
        this(username, password, role, displayName, contactId, null);
    }
}
