package io.dictum.core.portal;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Case milestones. Firm members add and change them and decide which the client sees; when a milestone becomes
 * client-visible, the client is notified through {@link ClientNotices}.
 */
@Service
public class MilestoneService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;

    private final MilestoneRepository milestones;
    private final CaseService cases;
    private final ClientNotices notices;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public MilestoneService(MilestoneRepository milestones, CaseService cases, ClientNotices notices, AuditLog audit,
                            TransactionalOperator tx, Clock clock) {
        this.milestones = milestones;
        this.cases = cases;
        this.notices = notices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Firm members see every milestone of the case, its client only the client-visible ones. */
    public Flux<Milestone> list(Actor actor, CaseId caseId) {
        return cases.get(actor, caseId)
                .flatMapMany(c -> milestones.findByCase(c.id(), !actor.role().isFirmMember()));
    }

    public Mono<Milestone> add(Actor actor, CaseId caseId, NewMilestone request) {
        CaseAccess.requireFirmMember(actor, "add milestones");
        return Mono.defer(() -> {
            if (request == null) {
                throw new InvalidInputException("send {title, date, description?, clientVisible?}");
            }
            String title = title(request.title());
            if (request.date() == null) {
                throw new InvalidInputException("date is required, as yyyy-mm-dd");
            }
            String description = description(request.description());
            return cases.get(actor, caseId).flatMap(c -> {
                OffsetDateTime now = now();
                Milestone m = new Milestone(UUID.randomUUID(), c.id(), title, request.date(), description,
                        Boolean.TRUE.equals(request.clientVisible()), now, now);
                return milestones.insert(m, actor.userId())
                        .then(audit.record(actor, "milestone.add", "milestone", m.id().toString(), c.id(),
                                describe(m)))
                        .then(m.clientVisible() ? notices.notify(notice(m)) : Mono.empty())
                        .as(tx::transactional)
                        .thenReturn(m);
            });
        });
    }

    public Mono<Milestone> update(Actor actor, CaseId caseId, UUID milestoneId, MilestonePatch patch) {
        CaseAccess.requireFirmMember(actor, "change milestones");
        return Mono.defer(() -> {
            if (patch == null) {
                throw new InvalidInputException("send the fields to change: title, date, description, clientVisible");
            }
            String title = patch.title() == null ? null : title(patch.title());
            String description = patch.description() == null ? null : description(patch.description());
            return cases.get(actor, caseId)
                    .flatMap(c -> milestones.findById(milestoneId).filter(m -> m.caseId().equals(c.id())))
                    .switchIfEmpty(Mono.error(() -> new NotFoundException("Case " + caseId + " has no milestone "
                            + milestoneId + "; list them with GET /api/v1/cases/" + caseId + "/milestones.")))
                    .flatMap(old -> {
                        Milestone changed = new Milestone(old.id(), old.caseId(),
                                title == null ? old.title() : title,
                                patch.date() == null ? old.date() : patch.date(),
                                patch.description() == null ? old.description() : description,
                                patch.clientVisible() == null ? old.clientVisible() : patch.clientVisible(),
                                old.createdAt(), now());
                        boolean becameVisible = changed.clientVisible() && !old.clientVisible();
                        return milestones.update(changed)
                                .then(audit.record(actor, "milestone.update", "milestone", changed.id().toString(),
                                        changed.caseId(), describe(changed)))
                                .then(becameVisible ? notices.notify(notice(changed)) : Mono.empty())
                                .as(tx::transactional)
                                .thenReturn(changed);
                    });
        });
    }

    private OffsetDateTime now() {
        // Microseconds: what both databases keep, so a milestone reads back as it was returned.
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ClientNotice notice(Milestone m) {
        return new ClientNotice(m.caseId(), ClientNotice.Kind.MILESTONE, m.id(), m.title() + " on " + m.date());
    }

    private static String describe(Milestone m) {
        return m.title() + "; " + m.date() + (m.clientVisible() ? "; client-visible" : "; firm only");
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title is required: what happens, e.g. \"Mediation\"");
        }
        if (title.strip().length() > MAX_TITLE) {
            throw new InvalidInputException("title may have at most " + MAX_TITLE + " characters");
        }
        return title.strip();
    }

    /** Blank means no description. */
    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description may have at most " + MAX_DESCRIPTION + " characters");
        }
        return description.strip();
    }
}
