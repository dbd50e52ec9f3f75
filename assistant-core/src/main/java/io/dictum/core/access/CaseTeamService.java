package io.dictum.core.access;

import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserService;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Case teams and ethical walls. Partners and administrators build walls; a screened user sees nothing of the case
 * from then on, and is taken off its team. Every change is in the audit trail.
 */
@Service
public class CaseTeamService {

    private final CaseTeamRepository teams;
    private final CaseService cases;
    private final UserService users;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public CaseTeamService(CaseTeamRepository teams, CaseService cases, UserService users, AuditLog audit,
                           TransactionalOperator tx, Clock clock) {
        this.teams = teams;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<User> team(Actor actor, CaseId caseId) {
        CaseAccess.requireFirmMember(actor, "see case teams");
        return cases.get(actor, caseId).flatMapMany(c -> teams.team(c.id()).concatMap(users::findById));
    }

    public Mono<User> addToTeam(Actor actor, CaseId caseId, UserId userId) {
        CaseAccess.requireFirmMember(actor, "change case teams");
        return cases.get(actor, caseId).flatMap(c -> firmUser(userId)
                .flatMap(user -> teams.isScreened(c.id(), user.id()).flatMap(screened -> screened
                        ? Mono.<User>error(new InvalidInputException(user.displayName() + " is screened from "
                                + c.title() + " by an ethical wall and cannot join its team."))
                        : teams.addToTeam(c.id(), user.id(), OffsetDateTime.now(clock))
                                .flatMap(added -> added ? audit.record(actor, "team.add", "user", user.id().toString(),
                                        c.id(), user.username()) : Mono.empty())
                                .as(tx::transactional)
                                .thenReturn(user))));
    }

    public Mono<Void> removeFromTeam(Actor actor, CaseId caseId, UserId userId) {
        CaseAccess.requireFirmMember(actor, "change case teams");
        return cases.get(actor, caseId).flatMap(c -> teams.removeFromTeam(c.id(), userId)
                .flatMap(removed -> removed ? audit.record(actor, "team.remove", "user", userId.toString(), c.id(),
                        null) : Mono.empty())
                .as(tx::transactional));
    }

    public Flux<User> screens(Actor actor, CaseId caseId) {
        requireWallKeeper(actor);
        return cases.get(actor, caseId).flatMapMany(c -> teams.screens(c.id()).concatMap(users::findById));
    }

    public Mono<User> screen(Actor actor, CaseId caseId, UserId userId, String reason) {
        requireWallKeeper(actor);
        if (actor.userId() != null && actor.userId().equals(userId)) {
            return Mono.error(new InvalidInputException("You cannot screen yourself; ask another partner."));
        }
        return cases.get(actor, caseId).flatMap(c -> firmUser(userId)
                .flatMap(user -> teams.screen(c.id(), user.id(), reason, OffsetDateTime.now(clock))
                        .flatMap(added -> teams.removeFromTeam(c.id(), user.id()).thenReturn(added))
                        .flatMap(added -> added ? audit.record(actor, "wall.screen", "user", user.id().toString(),
                                c.id(), user.username() + (reason == null ? "" : "; " + reason)) : Mono.empty())
                        .as(tx::transactional)
                        .thenReturn(user)));
    }

    private Mono<User> firmUser(UserId userId) {
        return users.findById(userId)
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("No user with id " + userId
                        + "; list users with GET /api/v1/users.")))
                .flatMap(user -> user.role().isFirmMember() ? Mono.just(user)
                        : Mono.error(new InvalidInputException("Client users are not on case teams or behind walls;"
                                + " they see only their own cases anyway.")));
    }

    private static void requireWallKeeper(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.PARTNER) {
            throw new ForbiddenException("Only partners and administrators manage ethical walls.");
        }
    }
}
