package io.dictum.core.users;

import io.dictum.core.contacts.ContactId;
import java.util.Optional;

/**
 * A user with the e-mail address reminders go to: what the user themselves and administrators see, one user at a
 * time (lists of users leave the address out, see {@link User}).
 */
public record UserProfile(UserId id, String username, Role role, String displayName, Optional<ContactId> contactId,
                          String email) {

    static UserProfile of(User user, Optional<String> email) {
        return new UserProfile(user.id(), user.username(), user.role(), user.displayName(), user.contactId(),
                email.orElse(null));
    }
}
