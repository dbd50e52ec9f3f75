package io.dictum.core.users;

import io.dictum.core.DictumProperties;
import io.dictum.core.access.Actor;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final int MIN_PASSWORD = 8;

    private final UserRepository users;
    // BCrypt is deliberately slow (~100 ms); it runs on the bounded elastic scheduler, never the event loop.
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    // Compared against when the username is unknown, so timing does not reveal which usernames exist.
    private final String decoyHash = encoder.encode("decoy-password-for-timing");

    public UserService(UserRepository users) {
        this.users = users;
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
        String displayName = r.displayName() == null || r.displayName().isBlank() ? r.username() : r.displayName();
        String email = r.email() == null || r.email().isBlank() ? null : r.email().strip();
        if (email != null && (email.length() > 300 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new InvalidInputException("email '" + r.email() + "' is not an e-mail address; send name@domain"
                    + " or leave it out");
        }
        return new NewUser(r.username(), r.password(), r.role(), displayName, r.contactId(), email);
    }
}
