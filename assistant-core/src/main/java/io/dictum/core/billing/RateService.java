package io.dictum.core.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.MatterType;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hourly rates: partners and administrators set them, firm members read them; clients see none. */
@Service
public class RateService {

    private final RateRepository rates;
    private final UserRepository users;
    private final CaseLookup cases;
    private final TransactionalOperator tx;
    private final Clock clock;

    public RateService(RateRepository rates, UserRepository users, CaseLookup cases, TransactionalOperator tx,
                       Clock clock) {
        this.rates = rates;
        this.users = users;
        this.cases = cases;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Rate> list(Actor actor) {
        return Mono.fromRunnable(() -> CaseAccess.requireFirmMember(actor, "see hourly rates"))
                .thenMany(rates.findAll());
    }

    /** Sets the rate for its key (user, case, matter type), replacing the one set before for the same key. */
    public Mono<Rate> set(Actor actor, NewRate request) {
        return Mono.defer(() -> {
            requireRateSetter(actor);
            if (request == null) {
                throw new InvalidInputException("Send {userId?, caseId?, matterType?, hourlyRate} as JSON.");
            }
            UserId user = blank(request.userId()) ? null : parse("userId", request.userId(), UserId::parse);
            CaseId legalCase = blank(request.caseId()) ? null : parse("caseId", request.caseId(), CaseId::parse);
            MatterType type = blank(request.matterType()) ? null
                    : parse("matterType", request.matterType(), MatterType::new);
            if (legalCase != null && type != null) {
                throw new InvalidInputException("Give caseId or matterType, not both: a case has its matter type"
                        + " already, and a rate for the case applies whatever its type.");
            }
            var rate = new Rate(UUID.randomUUID(), user, legalCase, type,
                    Money.parse("hourlyRate", request.hourlyRate(), true),
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
            Mono<Void> userExists = user == null ? Mono.empty() : users.findById(user)
                    .switchIfEmpty(Mono.error(() -> new NotFoundException("No user with id " + user)))
                    .flatMap(u -> u.role() == Role.CLIENT ? Mono.error(new InvalidInputException(u.username()
                            + " is a client user and records no time; rates are for firm members")) : Mono.empty());
            Mono<Void> caseVisible = legalCase == null ? Mono.empty() : cases.get(actor, legalCase).then();
            return userExists.then(caseVisible)
                    .then(rates.deleteSameKey(rate).then(rates.insert(rate, actor.userId())).as(tx::transactional))
                    .thenReturn(rate);
        });
    }

    public Mono<Void> delete(Actor actor, UUID id) {
        return Mono.defer(() -> {
            requireRateSetter(actor);
            return rates.delete(id).flatMap(n -> n == 0 ? Mono.error(new NotFoundException("No rate with id " + id))
                    : Mono.empty());
        });
    }

    /** The rate that applies to a user on a case, and which rule chose it. */
    public Mono<ResolvedRate> resolve(Actor actor, UserId user, CaseId caseId) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "see hourly rates");
            return cases.get(actor, caseId);
        }).flatMap(c -> rates.findAll().collectList().flatMap(all -> Mono.justOrEmpty(new RateTable(all)
                .resolve(user, c.id(), c.matterType())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No hourly rate applies to user " + user
                        + " on case " + c.number() + "; set one with POST /api/v1/rates"))));
    }

    private static void requireRateSetter(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.PARTNER) {
            throw new ForbiddenException("Only partners and administrators may set hourly rates.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T parse(String field, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + " '" + text + "' is not valid: " + e.getMessage());
        }
    }
}
