package io.dictum.web.users;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserPatch;
import io.dictum.core.users.UserProfile;
import io.dictum.core.users.UserService;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user: who they are, and for a client user which contact they speak for and which cases they see. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    /**
     * {@code contactId} and {@code caseIds} only for a client user (firm members list their cases with GET /cases);
     * {@code email} only when there is one. Absent fields are left out of the JSON, as everywhere. {@code timeZone}
     * is the firm's (DICTUM_TIME_ZONE): the day a form offers as today is the firm's day, which the server checks
     * dates against, not the browser's.
     */
    record Me(UserId id, String username, String displayName, Role role, String email, ContactId contactId,
              List<CaseId> caseIds, String timeZone) {
    }

    /** What a user may change of their own account. */
    record SelfPatch(String email, String displayName) {
    }

    private final UserService users;
    private final CaseService cases;
    private final String timeZone;

    MeController(UserService users, CaseService cases, FirmCalendar calendar) {
        this.users = users;
        this.cases = cases;
        this.timeZone = calendar.zone().getId();
    }

    @GetMapping
    Mono<Me> me(Actor actor) {
        return users.profile(actor).flatMap(p -> me(actor, p));
    }

    /** A user changes their own e-mail address (where reminders go) or display name; not their role. */
    @PatchMapping
    Mono<Me> update(Actor actor, @RequestBody SelfPatch patch) {
        return users.updateSelf(actor, new UserPatch(patch.email(), patch.displayName(), null))
                .flatMap(p -> me(actor, p));
    }

    private Mono<Me> me(Actor actor, UserProfile p) {
        Mono<Optional<List<CaseId>>> visible = p.role() == Role.CLIENT
                ? cases.list(actor, Optional.empty(), 0, CaseService.MAX_PAGE_SIZE).map(LegalCase::id).collectList()
                        .map(Optional::of)
                : Mono.just(Optional.empty());
        return visible.map(ids -> new Me(p.id(), p.username(), p.displayName(), p.role(), p.email(),
                p.contactId().orElse(null), ids.orElse(null), timeZone));
    }
}
