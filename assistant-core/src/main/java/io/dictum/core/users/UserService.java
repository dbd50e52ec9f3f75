package io.dictum.core.users;

import io.dictum.core.DictumProperties;
import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_DISPLAY_NAME = 200;
    private static final int MAX_EMAIL = 300;

    private final UserRepository users;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final TokenRevocations revocations;
    // BCrypt is deliberately slow (~100 ms); it runs on the bounded elastic scheduler, never the event loop.
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    // Compared against when the username is unknown, so timing does not reveal which usernames exist.
    private final String decoyHash = encoder.encode("decoy-password-for-timing");

    public UserService(UserRepository users, AuditLog audit, TransactionalOperator tx, TokenRevocations revocations) {
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.revocations = revocations;
    }

    /** The signed-in user as stored now, with their e-mail address. */
    public Mono<UserProfile> profile(Actor actor) {
        return profile(actor.userId());
    }

    /**
     * An administrator changes a user's e-mail address, display name or role. A role change signs the user out
     * everywhere, since a token carries the role it was issued with; the last administrator cannot give the role up.
     */
    public Mono<UserProfile> update(Actor actor, UserId id, UserPatch patch) {
        if (actor.role() != Role.ADMIN) {
            return Mono.error(new ForbiddenException("Only an administrator may change users; you may change your"
                    + " own e-mail address and display name with PATCH /api/v1/me."));
        }
        return change(actor, id, patch);
    }

    /** A user changes their own e-mail address or display name; the role is an administrator's to change. */
    public Mono<UserProfile> updateSelf(Actor actor, UserPatch patch) {
        if (patch != null && patch.role() != null) {
            return Mono.error(new ForbiddenException("Only an administrator may change a role, your own included."));
        }
        return change(actor, actor.userId(), patch);
    }

    private Mono<UserProfile> change(Actor actor, UserId id, UserPatch patch) {
        return Mono.fromCallable(() -> validPatch(patch))
                .flatMap(valid -> users.findById(id)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("No user with id " + id
                                + "; list them with GET /api/v1/users.")))
                        .flatMap(user -> users.findEmail(id).flatMap(email -> apply(actor,
                                UserProfile.of(user, email), valid))));
    }

    private Mono<UserProfile> apply(Actor actor, UserProfile old, UserPatch patch) {
        Role role = patch.role() == null ? old.role() : patch.role();
        if ((role == Role.CLIENT) != (old.role() == Role.CLIENT)) {
            return Mono.error(new InvalidInputException("role cannot change between client and a firm role: a"
                    + " client account and a firm account are different people; add a new user instead"));
        }
        String displayName = patch.displayName() == null ? old.displayName() : patch.displayName();
        String email = patch.email() == null ? old.email() : blankToNull(patch.email());
        UserProfile changed = new UserProfile(old.id(), old.username(), role, displayName, old.contactId(), email);
        String details = describe(old, changed);
        if (details.isEmpty()) {
            return Mono.just(old);
        }
        boolean roleChanged = role != old.role();
        // The audit append locks the chain's head row first, so concurrent user changes run one after another and
        // the last-administrator count below cannot be raced.
        Mono<Void> lastAdmin = roleChanged && old.role() == Role.ADMIN
                ? users.countRole(Role.ADMIN).flatMap(n -> n <= 1 ? Mono.<Void>error(new ConflictException(
                        "'" + old.username() + "' is the only administrator; make another user an administrator"
                                + " first")) : Mono.empty())
                : Mono.empty();
        return audit.record(actor, "user.update", "user", old.id().toString(), null, old.username() + ": " + details)
                .then(lastAdmin)
                .then(users.update(old.id(), displayName, role))
                .then(users.setEmail(old.id(), email))
                .then(roleChanged ? revocations.revokeAll(old.id()) : Mono.empty())
                .as(tx::transactional)
                .thenReturn(changed);
    }

    private Mono<UserProfile> profile(UserId id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("No user with id " + id
                        + "; it may have been removed. Sign in again.")))
                .zipWith(users.findEmail(id), UserProfile::of);
    }

    /** What changed, for the audit trail: role and display name in full; only whether the e-mail address did. */
    private static String describe(UserProfile old, UserProfile changed) {
        List<String> parts = new ArrayList<>();
        if (changed.role() != old.role()) {
            parts.add("role " + old.role().id() + " -> " + changed.role().id());
        }
        if (!changed.displayName().equals(old.displayName())) {
            parts.add("displayName '" + old.displayName() + "' -> '" + changed.displayName() + "'");
        }
        if (!java.util.Objects.equals(changed.email(), old.email())) {
            parts.add(changed.email() == null ? "email removed" : "email changed");
        }
        return String.join("; ", parts);
    }

    private static UserPatch validPatch(UserPatch patch) {
        if (patch == null || patch.isEmpty()) {
            throw new InvalidInputException("send at least one of email, displayName, role");
        }
        if (patch.displayName() != null && patch.displayName().isBlank()) {
            throw new InvalidInputException("displayName may not be blank; leave it out to keep the current one");
        }
        String displayName = patch.displayName() == null ? null : validDisplayName(patch.displayName());
        String email = patch.email() == null ? null : patch.email().isBlank() ? "" : validEmail(patch.email());
        return new UserPatch(email, displayName, patch.role());
    }

    private static String validDisplayName(String displayName) {
        String strip = displayName.strip();
        if (strip.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInputException("displayName may have at most " + MAX_DISPLAY_NAME + " characters");
        }
        return strip;
    }

    private static String validEmail(String email) {
        String strip = email.strip();
        if (strip.length() > MAX_EMAIL || !strip.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("email '" + email + "' is not an e-mail address; send name@domain"
                    + " or leave it out");
        }
        return strip;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The user when the password matches, empty otherwise (unknown user and wrong password look the same). */
    public Mono<User> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Mono.empty();
        }
        return users.findCredentials(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    boolean ok = encoder.matches(password, found.map(UserRepository.Credentials::passwordHash)
                            .orElse(decoyHash));
                    return ok && found.isPresent() ? Mono.just(found.get().user()) : Mono.empty();
                });
    }

    public Mono<User> create(Actor actor, NewUser request) {
        if (actor.role() != Role.ADMIN) {
            return Mono.error(new ForbiddenException("Only an administrator may add users."));
        }
        return create(request);
    }

    /** Creates a user without an acting user: for the first administrator and the demo firm. */
    public Mono<User> create(NewUser request) {
        return Mono.fromCallable(() -> validate(request))
                .flatMap(valid -> users.findCredentials(valid.username())
                        .flatMap(existing -> Mono.<User>error(new ConflictException(
                                "The username '" + valid.username() + "' is taken; choose another.")))
                        .switchIfEmpty(Mono.fromCallable(() -> encoder.encode(valid.password()))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(hash -> {
                                    User user = new User(UserId.random(), valid.username(), valid.role(),
                                            valid.displayName(), Optional.ofNullable(valid.contactId()));
                                    return users.insert(user, hash, OffsetDateTime.now())
                                            .then(valid.email() == null ? Mono.empty()
                                                    : users.setEmail(user.id(), valid.email()))
                                            .thenReturn(user);
                                })));
    }

    public Flux<User> list(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            return Flux.error(new ForbiddenException("Only an administrator may list users."));
        }
        return users.findAll();
    }

    /** Firm members a spoken name fits: the username, the full display name, or its first word ("Sarah"). */
    public Flux<User> firmMembersNamed(String spoken) {
        String wanted = spoken.strip().toLowerCase(java.util.Locale.ROOT);
        return users.findAll().filter(u -> u.role().isFirmMember()).filter(u -> {
            String display = u.displayName().toLowerCase(java.util.Locale.ROOT);
            return u.username().equalsIgnoreCase(wanted) || display.equals(wanted)
                    || display.split("\\s+")[0].equals(wanted);
        });
    }

    public Mono<User> findById(UserId id) {
        return users.findById(id);
    }

    /** Creates the configured first administrator when the database has no user yet. */
    public Mono<Void> ensureFirstAdmin(DictumProperties.Admin admin, boolean demo) {
        if (!admin.isConfigured()) {
            if (demo) {
                return Mono.empty();
            }
            return users.count().doOnNext(n -> {
                if (n == 0) {
                    log.warn("No user exists and DICTUM_ADMIN_USERNAME / DICTUM_ADMIN_PASSWORD are not set:"
                            + " nobody can sign in. Set them (or DICTUM_DEMO=true) and restart.");
                }
            }).then();
        }
        return users.count().filter(n -> n == 0)
                .flatMap(n -> create(new NewUser(admin.username(), admin.password(), Role.ADMIN, "Administrator",
                        null)))
                .doOnNext(u -> log.info("Created the first administrator '{}'", u.username()))
                .then();
    }

    private static NewUser validate(NewUser r) {
        if (r.username() == null || !USERNAME.matcher(r.username()).matches()) {
            throw new InvalidInputException("username must be 2 to 100 letters, digits or . _ @ -");
        }
        if (r.password() == null || r.password().length() < MIN_PASSWORD) {
            throw new InvalidInputException("password must have at least " + MIN_PASSWORD + " characters");
        }
        if (r.role() == null) {
            throw new InvalidInputException("role is required: admin, partner, associate, paralegal, staff or client");
        }
        if (r.role() == Role.CLIENT && r.contactId() == null) {
            throw new InvalidInputException("a client user needs contactId: the contact whose cases they may see");
        }
        String displayName = r.displayName() == null || r.displayName().isBlank() ? r.username()
                : validDisplayName(r.displayName());
        String email = r.email() == null || r.email().isBlank() ? null : validEmail(r.email());
        return new NewUser(r.username(), r.password(), r.role(), displayName, r.contactId(), email);
    }
}
