package io.dictum.core.cases;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class CaseService {

    public static final int MAX_PAGE_SIZE = PageRequest.MAX_SIZE;

    private final CaseRepository cases;
    private final PartyRepository parties;
    private final ContactRepository contacts;
    private final IndexChangeLog changes;
    private final IndexService index;
    private final TransactionalOperator tx;
    private final Clock clock;
    /** The firm's day: a case opened at 9 p.m. in New York is opened that day, not the next UTC day. */
    private final FirmCalendar calendar;
    private final AuditLog audit;
    private final CaseTeamRepository teams;
    private final UserRepository users;

    public CaseService(CaseRepository cases, PartyRepository parties, ContactRepository contacts,
                       IndexChangeLog changes, IndexService index, TransactionalOperator tx, Clock clock,
                       AuditLog audit, CaseTeamRepository teams, UserRepository users, FirmCalendar calendar) {
        this.users = users;
        this.calendar = calendar;
        this.audit = audit;
        this.teams = teams;
        this.cases = cases;
        this.parties = parties;
        this.contacts = contacts;
        this.changes = changes;
        this.index = index;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The case when it exists and the actor may see it (role, client, ethical wall); otherwise a not-found that does
     * not reveal which.
     */
    public Mono<LegalCase> get(Actor actor, CaseId id) {
        return cases.findById(id)
                .filter(c -> CaseAccess.canRead(actor, c))
                .filterWhen(c -> teams.isScreened(c.id(), actor.userId()).map(screened -> !screened))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No case with id " + id
                        + " is visible to you. List your cases with GET /api/v1/cases.")));
    }

    /** The first cases the actor may see, newest first: for callers that need the visible set, not a page. */
    public Flux<LegalCase> list(Actor actor, Optional<CaseStatus> status, int page, int size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size, null))
                .flatMapMany(request -> cases.findPage(CaseFilter.of(actor), status, request));
    }

    /** A page of the cases the actor may see, sorted as asked, with how many there are in all. */
    public Mono<Page<LegalCase>> page(Actor actor, Optional<CaseStatus> status, PageRequest request) {
        return Mono.defer(() -> {
            CaseFilter visible = CaseFilter.of(actor);
            return cases.findPage(visible, status, request).collectList()
                    .zipWith(cases.countVisible(visible, status),
                            (items, total) -> new Page<>(items, total, request.page(), request.size()));
        });
    }

    public Flux<Party> parties(Actor actor, CaseId id) {
        return get(actor, id).flatMapMany(c -> parties.findByCase(c.id()));
    }

    /** A page of the case's parties, for whoever may see the case. */
    public Mono<Page<Party>> parties(Actor actor, CaseId id, PageRequest request) {
        return get(actor, id).flatMap(c -> parties.findByCase(c.id(), request).collectList()
                .zipWith(parties.countByCase(c.id()),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }

    public Mono<LegalCase> create(Actor actor, NewCase request) {
        CaseAccess.requireFirmMember(actor, "open cases");
        return Mono.defer(() -> {
            String title = required(request.title(), "title", 300);
            MatterType matterType = matterType(request.matterType() == null ? "other" : request.matterType());
            CaseStatus status = request.status() == null ? CaseStatus.OPEN : status(request.status());
            OffsetDateTime now = OffsetDateTime.now(clock);
            LocalDate openedOn = request.openedOn() == null ? calendar.today() : request.openedOn();
            Mono<Contact> client = client(request, now);
            Mono<String> number = request.number() == null || request.number().isBlank()
                    ? nextNumber(openedOn.getYear(), matterType)
                    : Mono.just(required(request.number(), "number", 60)).flatMap(n -> cases.numberExists(n)
                            .flatMap(exists -> exists ? Mono.error(new ConflictException("A case numbered " + n
                                    + " already exists; choose another number or leave it out to have one"
                                    + " generated.")) : Mono.just(n)));
            return client.zipWith(number).flatMap(t -> {
                LegalCase c = new LegalCase(CaseId.random(), t.getT2(), title, matterType, status, t.getT1().id(),
                        blankToNull(request.court()), openedOn, null, null, now, now);
                return cases.insert(c)
                        .then(parties.insert(new Party(c.id(), c.clientId(), t.getT1().name(), PartyRole.CLIENT),
                                now))
                        .then(changes.append(IndexChangeLog.Kind.CASE, c.id().value()))
                        .then(changes.append(IndexChangeLog.Kind.CONTACT, c.clientId().value()))
                        .then(audit.record(actor, "case.create", "case", c.id().toString(), c.id(),
                                "number=" + c.number() + "; title=" + c.title() + "; matterType=" + c.matterType()))
                        .thenReturn(c);
            }).as(tx::transactional);
        }).flatMap(c -> index.changed(IndexChangeLog.Kind.CONTACT, c.clientId().value())
                .then(index.caseChanged(c.id())).thenReturn(c));
    }

    public Mono<LegalCase> update(Actor actor, CaseId id, CasePatch patch) {
        CaseAccess.requireFirmMember(actor, "change cases");
        return get(actor, id).flatMap(c -> responsible(c, patch.responsibleUserId()).thenReturn(c)).flatMap(c -> {
            LegalCase changed = new LegalCase(c.id(), c.number(),
                    patch.title() == null ? c.title() : required(patch.title(), "title", 300),
                    patch.matterType() == null ? c.matterType() : matterType(patch.matterType()),
                    patch.status() == null ? c.status() : status(patch.status()), c.clientId(),
                    patch.court() == null ? c.court() : blankToNull(patch.court()), c.openedOn(),
                    patch.closedOn() == null ? c.closedOn() : patch.closedOn(),
                    patch.responsibleUserId() == null ? c.responsibleUserId() : patch.responsibleUserId(),
                    c.createdAt(), OffsetDateTime.now(clock));
            if (changed.closedOn() != null && changed.closedOn().isBefore(changed.openedOn())) {
                return Mono.error(new InvalidInputException("closedOn " + changed.closedOn()
                        + " is before the case was opened on " + changed.openedOn()));
            }
            return cases.update(changed)
                    .then(changes.append(IndexChangeLog.Kind.CASE, c.id().value()))
                    .then(audit.record(actor, "case.update", "case", c.id().toString(), c.id(), describe(patch)))
                    .as(tx::transactional)
                    .then(index.caseChanged(c.id()))
                    .thenReturn(changed);
        });
    }

    private static String describe(CasePatch patch) {
        StringBuilder sb = new StringBuilder();
        if (patch.title() != null) {
            sb.append("title=").append(patch.title()).append("; ");
        }
        if (patch.matterType() != null) {
            sb.append("matterType=").append(patch.matterType()).append("; ");
        }
        if (patch.status() != null) {
            sb.append("status=").append(patch.status()).append("; ");
        }
        if (patch.court() != null) {
            sb.append("court=").append(patch.court()).append("; ");
        }
        if (patch.closedOn() != null) {
            sb.append("closedOn=").append(patch.closedOn()).append("; ");
        }
        if (patch.responsibleUserId() != null) {
            sb.append("responsibleUserId=").append(patch.responsibleUserId()).append("; ");
        }
        return sb.toString().strip();
    }

    /** A responsible attorney must be a firm member who is not screened from the case. */
    private Mono<Void> responsible(LegalCase c, UserId userId) {
        if (userId == null) {
            return Mono.empty();
        }
        return users.findById(userId).filter(u -> u.role().isFirmMember())
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("responsibleUserId " + userId + " is not a"
                        + " firm member; list users with GET /api/v1/users.")))
                .flatMap(u -> teams.isScreened(c.id(), u.id()).flatMap(screened -> screened
                        ? Mono.error(new InvalidInputException(u.displayName() + " is screened from " + c.title()
                                + " and cannot be responsible for it."))
                        : Mono.<Void>empty()));
    }

    private Mono<Contact> client(NewCase request, OffsetDateTime now) {
        if (request.clientId() != null && !request.clientId().isBlank()) {
            ContactId id;
            try {
                id = ContactId.parse(request.clientId());
            } catch (IllegalArgumentException e) {
                return Mono.error(new InvalidInputException("clientId '" + request.clientId()
                        + "' is not a contact id"));
            }
            return contacts.findById(id).switchIfEmpty(Mono.error(() -> new InvalidInputException(
                    "No contact with id " + id + "; create the contact first or give clientName instead.")));
        }
        String name = required(request.clientName(), "clientId or clientName", 300);
        Contact contact = new Contact(ContactId.random(), name, ContactKind.PERSON, List.of(), null, null);
        return contacts.insert(contact, now).thenReturn(contact);
    }

    /** Numbers run per year and matter type: 2026-PI-0001, 2026-PI-0002, ... */
    private Mono<String> nextNumber(int year, MatterType type) {
        String prefix = year + "-" + type.initials() + "-";
        return cases.countNumbersStartingWith(prefix).flatMap(n -> firstFree(prefix, n + 1));
    }

    private Mono<String> firstFree(String prefix, long candidate) {
        String number = prefix + String.format("%04d", candidate);
        return cases.numberExists(number).flatMap(exists -> exists ? firstFree(prefix, candidate + 1)
                : Mono.just(number));
    }

    private static MatterType matterType(String id) {
        try {
            return new MatterType(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static CaseStatus status(String id) {
        try {
            return CaseStatus.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
