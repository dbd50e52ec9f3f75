package io.dictum.core.access;

import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import java.util.Optional;

/** Who is asking: every service call carries one, so access rules are applied in one place. */
public record Actor(UserId userId, String username, Role role, Optional<ContactId> contactId) {
}
