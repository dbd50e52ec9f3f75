package io.dictum.core.users;

/**
 * Changes to a user; a field left out (null) stays as it is, and an empty {@code email} removes the address. The
 * password is not among them.
 */
public record UserPatch(String email, String displayName, Role role) {

    boolean isEmpty() {
        return email == null && displayName == null && role == null;
    }
}
