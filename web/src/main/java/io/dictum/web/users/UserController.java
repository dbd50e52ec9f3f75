package io.dictum.web.users;

import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.users.NewUser;
import io.dictum.core.users.Role;
import io.dictum.core.users.SignInGuard;
import io.dictum.core.users.TokenRevocations;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserPatch;
import io.dictum.core.users.UserProfile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.dictum.core.users.User;
import io.dictum.core.users.UserService;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;
    private final TokenRevocations revocations;
    private final SignInGuard guard;
    private final AuditLog audit;

    UserController(UserService users, TokenRevocations revocations, SignInGuard guard, AuditLog audit) {
        this.users = users;
        this.revocations = revocations;
        this.guard = guard;
        this.audit = audit;
    }

    @GetMapping
    Flux<User> list(Actor actor) {
        return users.list(actor);
    }

    /** Signs a user out on every device: themselves, or anyone for an administrator. */
    @PostMapping("/{id}/sign-out-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> signOutEverywhere(Actor actor, @PathVariable UserId id) {
        if (actor.role() != Role.ADMIN && !id.equals(actor.userId())) {
            return Mono.error(new ForbiddenException("Only an administrator may sign out another user."));
        }
        return revocations.revokeAll(id).then(audit.record(actor, "auth.revoke_all", "user", id.toString(), null,
                null));
    }

    /** Lifts a sign-in lock-out before it expires. */
    @PostMapping("/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unlock(Actor actor, @PathVariable String username) {
        if (actor.role() != Role.ADMIN) {
            return Mono.error(new ForbiddenException("Only an administrator may unlock an account."));
        }
        return guard.unlock(username).then(audit.record(actor, "auth.unlock", "user", username, null, null));
    }

    /** Administrators change a user's e-mail address, display name or role (passwords are not changed here). */
    @PatchMapping("/{id}")
    Mono<UserProfile> update(Actor actor, @PathVariable UserId id, @RequestBody UserPatch patch) {
        return users.update(actor, id, patch);
    }

    @PostMapping
    Mono<ResponseEntity<User>> create(Actor actor, @RequestBody NewUser request) {
        return users.create(actor, request)
                .map(u -> ResponseEntity.created(URI.create("/api/v1/users/" + u.id())).body(u));
    }
}
