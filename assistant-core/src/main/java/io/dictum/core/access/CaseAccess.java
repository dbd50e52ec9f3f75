package io.dictum.core.access;

import io.dictum.core.cases.LegalCase;
import io.dictum.core.errors.ForbiddenException;

/**
 * The one policy for who sees which case. Firm members see the firm's cases; a client user sees only the cases in
 * which their contact is the client. Case teams and ethical walls narrow this further once they exist; every path
 * (REST, voice, search, entity resolution) asks here.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean canRead(Actor actor, LegalCase legalCase) {
        if (actor.role().isFirmMember()) {
            return true;
        }
        return actor.contactId().map(c -> c.equals(legalCase.clientId())).orElse(false);
    }

    public static void requireFirmMember(Actor actor, String action) {
        if (!actor.role().isFirmMember()) {
            throw new ForbiddenException("Only firm members may " + action + ". Ask your attorney to do it for you.");
        }
    }
}
