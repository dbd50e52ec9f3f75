package io.dictum.web.security;

import io.dictum.core.audit.AuditLog;
import io.dictum.core.users.SignInGuard;
import io.dictum.core.users.TokenRevocations;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.dictum.core.errors.InvalidInputException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    record LoginRequest(String username, String password) {
    }

    record LoginResponse(String token, Instant expiresAt, String username, String role, String displayName) {
    }

    private final UserService users;
    private final TokenService tokens;
    private final AuditLog audit;
    private final SignInGuard guard;
    private final TokenRevocations revocations;

    AuthController(UserService users, TokenService tokens, AuditLog audit, SignInGuard guard,
                   TokenRevocations revocations) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.guard = guard;
        this.revocations = revocations;
    }

    /** Signs this token out; other devices stay signed in. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@AuthenticationPrincipal Jwt jwt) {
        return revocations.revoke(jwt.getId(), jwt.getExpiresAt())
                .then(audit.record(UserId.parse(jwt.getSubject()), jwt.getClaimAsString("username"), "auth.logout",
                        "user", jwt.getSubject(), null, null));
    }

    @PostMapping("/login")
    Mono<LoginResponse> login(@RequestBody LoginRequest request) {
        if (request.username() == null || request.username().isBlank() || request.password() == null) {
            return Mono.error(new InvalidInputException("username and password are required"));
        }
        return guard.check(request.username()).then(users.authenticate(request.username(), request.password()))
                .flatMap(user -> guard.succeeded(user.username()).thenReturn(user))
                .flatMap(user -> revocations.generation(user.id()).flatMap(generation -> {
                    TokenService.IssuedToken token = tokens.issue(user, generation);
                    return audit.record(user.id(), user.username(), "auth.login", "user", user.id().toString(), null,
                                    "token expires " + token.expiresAt())
                            .thenReturn(new LoginResponse(token.token(), token.expiresAt(), user.username(),
                                    user.role().id(), user.displayName()));
                }))
                .switchIfEmpty(guard.failed(request.username())
                        .then(audit.record(null, request.username(), "auth.login_failed", "user", null, null,
                                "wrong username or password"))
                        .then(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                                "Wrong username or password. Check both and try again; an administrator can reset"
                                        + " it."))));
    }
}
