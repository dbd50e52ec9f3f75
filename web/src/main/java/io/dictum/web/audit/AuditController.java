package io.dictum.web.audit;

import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.web.paging.PageQuery;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import io.dictum.core.audit.AuditRecord;
import io.dictum.core.audit.AuditVerification;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.users.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail: a case's records for the firm members who may see the case; the whole trail and its
 * verification for administrators and partners.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final int MAX_LIMIT = 1000;

    private final AuditLog audit;
    private final CaseService cases;

    AuditController(AuditLog audit, CaseService cases) {
        this.audit = audit;
        this.cases = cases;
    }

    /**
     * Newest first. {@code limit} alone (up to 1000) is the first form of this list and keeps working; {@code page},
     * {@code size} and {@code sort} page it like every other list.
     */
    @GetMapping
    Mono<ResponseEntity<List<AuditRecord>>> records(Actor actor, @RequestParam(required = false) CaseId caseId,
                                                    @RequestParam(required = false) Integer limit,
                                                    PageQuery paging) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            return Mono.error(new InvalidInputException("limit must be between 1 and " + MAX_LIMIT));
        }
        if (!actor.role().isFirmMember()) {
            return Mono.error(new ForbiddenException("The audit trail is for the firm. Ask your attorney."));
        }
        Mono<Optional<CaseId>> scope = caseId != null
                ? cases.get(actor, caseId).map(c -> Optional.of(c.id()))
                : requireOversight(actor).then(Mono.just(Optional.<CaseId>empty()));
        if (limit != null && !paging.named()) {
            return scope.flatMap(c -> (c.isPresent() ? audit.forCase(c.get(), limit) : audit.latest(limit))
                    .collectList().map(ResponseEntity::ok));
        }
        return paging.answer(p -> scope.flatMap(c -> audit.page(c, p)));
    }

    @GetMapping("/verify")
    Mono<AuditVerification> verify(Actor actor) {
        return requireOversight(actor).then(audit.verify());
    }

    private static Mono<Void> requireOversight(Actor actor) {
        return actor.role() == Role.ADMIN || actor.role() == Role.PARTNER ? Mono.empty()
                : Mono.error(new ForbiddenException("Only administrators and partners read the whole audit trail;"
                        + " give caseId for one case's records."));
    }
}
