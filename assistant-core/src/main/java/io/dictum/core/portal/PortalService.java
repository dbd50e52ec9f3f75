package io.dictum.core.portal;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The client's view of their cases. Only client users come here; every read goes through the same case and document
 * rules as the firm's paths, so a case of another client is a not-found and only shared documents appear.
 */
@Service
public class PortalService {

    private final CaseService cases;
    private final DocumentService documents;
    private final MilestoneRepository milestones;
    private final MessageService messages;
    private final DatabaseClient db;
    private final FirmCalendar calendar;

    public PortalService(CaseService cases, DocumentService documents, MilestoneRepository milestones,
                         MessageService messages, DatabaseClient db, FirmCalendar calendar) {
        this.cases = cases;
        this.documents = documents;
        this.milestones = milestones;
        this.messages = messages;
        this.db = db;
        this.calendar = calendar;
    }

    public Flux<PortalCase> cases(Actor actor) {
        return Mono.fromRunnable(() -> requireClient(actor))
                .thenMany(cases.list(actor, Optional.empty(), 0, CaseService.MAX_PAGE_SIZE))
                .concatMap(this::summary);
    }

    public Mono<PortalCase> get(Actor actor, CaseId caseId) {
        return own(actor, caseId).flatMap(this::summary);
    }

    public Flux<Document> documents(Actor actor, CaseId caseId) {
        return own(actor, caseId).flatMap(c -> documents.inCase(actor, c.id(), PageRequest.of(0, PageRequest.MAX_SIZE,
                null))).flatMapIterable(Page::items);
    }

    /** A shared document's contents, only through the case it belongs to. */
    public Mono<DocumentService.StoredContent> content(Actor actor, CaseId caseId, DocumentId documentId,
                                                       Optional<Integer> version) {
        return own(actor, caseId).flatMap(c -> documents.get(actor, documentId)
                .filter(d -> d.caseId().equals(c.id()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No document with id " + documentId
                        + " is shared with you in this case. List them with GET /api/v1/portal/cases/" + caseId
                        + "/documents.")))
                .flatMap(d -> documents.content(actor, d.id(), version)));
    }

    public Flux<Milestone> milestones(Actor actor, CaseId caseId) {
        return own(actor, caseId).flatMapMany(c -> milestones.findByCase(c.id(), true));
    }

    public Flux<CaseMessage> messages(Actor actor, CaseId caseId) {
        return own(actor, caseId).flatMapMany(c -> messages.read(actor, c.id(), MessageSide.CLIENT));
    }

    public Mono<CaseMessage> send(Actor actor, CaseId caseId, String text) {
        return own(actor, caseId).flatMap(c -> messages.send(actor, c.id(), MessageSide.CLIENT, text));
    }

    private Mono<LegalCase> own(Actor actor, CaseId caseId) {
        return Mono.fromRunnable(() -> requireClient(actor)).then(cases.get(actor, caseId));
    }

    private Mono<PortalCase> summary(LegalCase c) {
        LocalDate today = calendar.today();
        Mono<Optional<String>> attorney = responsibleAttorney(c).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Optional<Milestone>> next = milestones.nextClientVisible(c.id(), today).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(attorney, next, messages.unreadByClient(c.id())).map(t -> new PortalCase(c.id(), c.number(),
                c.title(), c.matterType(), c.status(), c.court(), c.openedOn(), c.closedOn(), t.getT1().orElse(null),
                t.getT2().orElse(null), t.getT3()));
    }

    /** The case's responsible user, or else the first partner or associate on its team. */
    private Mono<String> responsibleAttorney(LegalCase c) {
        Mono<String> responsible = c.responsibleUserId() == null ? Mono.empty()
                : db.sql("SELECT display_name FROM users WHERE id = :id").bind("id", c.responsibleUserId().value())
                .map(r -> r.get("display_name", String.class)).one();
        Mono<String> fromTeam = db.sql("SELECT u.display_name FROM case_team t JOIN users u ON u.id = t.user_id"
                        + " WHERE t.case_id = :caseId AND u.role IN ('partner', 'associate') ORDER BY t.added_at")
                .bind("caseId", c.id().value())
                .map(r -> r.get("display_name", String.class)).all().next();
        return responsible.switchIfEmpty(fromTeam);
    }

    private static void requireClient(Actor actor) {
        if (actor.role().isFirmMember()) {
            throw new ForbiddenException("The portal is for the firm's clients. Firm members see cases at"
                    + " /api/v1/cases and /api/v1/cases/{id}.");
        }
    }
}
