package io.dictum.web.audit;

import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
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
import reactor.core.publisher.Flux;
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

    @GetMapping
    Flux<AuditRecord> records(Actor actor, @RequestParam(required = false) CaseId caseId,
                              @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(new InvalidInputException("limit must be between 1 and " + MAX_LIMIT));
        }
        if (!actor.role().isFirmMember()) {
            return Flux.error(new ForbiddenException("The audit trail is for the firm. Ask your attorney."));
        }
        if (caseId != null) {
            return cases.get(actor, caseId).flatMapMany(c -> audit.forCase(c.id(), limit));
        }
        return requireOversight(actor).thenMany(audit.latest(limit));
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
