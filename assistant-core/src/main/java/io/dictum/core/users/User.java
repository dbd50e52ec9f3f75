package io.dictum.core.users;

import io.dictum.core.contacts.ContactId;
import java.util.Optional;

/** A person who signs in. The password hash never leaves the users package's repository. */
public record User(UserId id, String username, Role role, String displayName, Optional<ContactId> contactId) {
}
