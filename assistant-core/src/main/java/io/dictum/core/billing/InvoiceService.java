package io.dictum.core.billing;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invoices from a case's unbilled time and expenses. Creation runs in one transaction: take the next number from
 * the counter row, claim the unbilled items (so that no item lands on two invoices), price them, write the lines
 * and totals. Anything failing rolls all of it back, the number included.
 *
 * <p>Who sees what: firm members create, issue, mark paid and void invoices of the cases they see. A client user
 * sees the invoices of their own cases once issued (issued, paid, or voided after issue), never drafts, and never
 * the time entries behind them.
 */
@Service
public class InvoiceService {

    private final CaseLookup cases;
    private final InvoiceRepository invoices;
    private final TimeEntryRepository entries;
    private final ExpenseRepository expenses;
    private final RateRepository rates;
    private final UserRepository users;
    private final TransactionalOperator tx;
    private final BillingProperties billing;
    private final FirmCalendar calendar;
    private final Clock clock;
    private final Map<String, InvoiceRenderer> renderers = new LinkedHashMap<>();

    public InvoiceService(CaseLookup cases, InvoiceRepository invoices, TimeEntryRepository entries,
                          ExpenseRepository expenses, RateRepository rates, UserRepository users,
                          TransactionalOperator tx, BillingProperties billing, FirmCalendar calendar,
                          Clock clock, List<InvoiceRenderer> renderers) {
        this.cases = cases;
        this.invoices = invoices;
        this.entries = entries;
        this.expenses = expenses;
        this.rates = rates;
        this.users = users;
        this.tx = tx;
        this.billing = billing;
        this.calendar = calendar;
        this.clock = clock;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
    }

    private LocalDate today() {
        return calendar.today();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    public Mono<Invoice> create(Actor actor, NewInvoice request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "make invoices");
            if (request == null || request.caseId() == null) {
                throw new InvalidInputException("Send {caseId, from?, to?, discountPercent?, writeDowns?} as JSON;"
                        + " caseId is required.");
            }
            LocalDate to = request.to() == null ? today() : request.to();
            if (request.from() != null && request.from().isAfter(to)) {
                throw new InvalidInputException("from " + request.from() + " is after to " + to
                        + "; give from on or before to.");
            }
            BigDecimal discount = Money.percent("discountPercent", request.discountPercent());
            Map<UUID, BigDecimal> writeDowns = new HashMap<>();
            for (NewInvoice.WriteDown w : request.writeDowns() == null ? List.<NewInvoice.WriteDown>of()
                    : request.writeDowns()) {
                if (w == null || w.itemId() == null) {
                    throw new InvalidInputException("each write-down needs itemId (a time entry's or expense's id)"
                            + " and amount");
                }
                if (writeDowns.put(w.itemId(), Money.parse("write-down amount", w.amount(), true)) != null) {
                    throw new InvalidInputException("item " + w.itemId() + " has two write-downs; give one");
                }
            }
            return cases.get(actor, request.caseId()).flatMap(c -> Mono.zip(rates.findAll().collectList(),
                            users.findAll().collectMap(User::id))
                    .flatMap(t -> createInTransaction(actor, c, request.from(), to, discount, writeDowns,
                            new RateTable(t.getT1()), t.getT2())));
        }).flatMap(id -> invoices.findById(id));
    }

    private Mono<UUID> createInTransaction(Actor actor, LegalCase c, LocalDate from, LocalDate to,
                                           BigDecimal discount, Map<UUID, BigDecimal> writeDowns, RateTable rateTable,
                                           Map<UserId, User> people) {
        UUID id = UUID.randomUUID();
        return invoices.nextSequence().flatMap(seq -> {
            Invoice draft = new Invoice(id, InvoiceRepository.format(seq), c.id(), c.number(), c.title(),
                    c.clientId(), null, InvoiceStatus.DRAFT, today(), from == null ? to : from, to,
                    billing.currency(), discount, billing.taxPercent().setScale(4), billing.taxFees(),
                    billing.taxExpenses(), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, now(),
                    actor.userId(), null, null, null, List.of());
            return invoices.insert(draft, seq)
                    .then(entries.claim(c.id(), from, to, id))
                    .then(expenses.claim(c.id(), from, to, id))
                    .then(Mono.zip(entries.findByInvoice(id).collectList(), expenses.findByInvoice(id).collectList()))
                    .flatMap(t -> {
                        List<TimeEntry> fees = t.getT1();
                        List<Expense> costs = t.getT2();
                        if (fees.isEmpty() && costs.isEmpty()) {
                            return Mono.error(new ConflictException("Case " + c.number() + " has no unbilled"
                                    + " billable time or expenses " + (from == null ? "up to " + to
                                    : "from " + from + " to " + to) + "; nothing to invoice."));
                        }
                        List<BillableItem> items = items(c, fees, costs, writeDowns, rateTable, people);
                        InvoiceCalculator.Result result = InvoiceCalculator.compute(items, discount,
                                draft.taxPercent(), draft.taxFees(), draft.taxExpenses(), to);
                        LocalDate periodFrom = from != null ? from : Stream.concat(fees.stream().map(TimeEntry::date),
                                costs.stream().map(Expense::date)).min(Comparator.naturalOrder()).orElse(to);
                        return Flux.fromIterable(result.lines()).concatMap(l -> invoices.insertLine(id, l))
                                .then(invoices.updateTotals(id, periodFrom, result));
                    });
        }).as(tx::transactional).thenReturn(id);
    }

    private List<BillableItem> items(LegalCase c, List<TimeEntry> fees, List<Expense> costs,
                                     Map<UUID, BigDecimal> writeDowns, RateTable rateTable,
                                     Map<UserId, User> people) {
        Map<UUID, BigDecimal> unused = new HashMap<>(writeDowns);
        List<BillableItem> items = new ArrayList<>();
        for (TimeEntry e : fees) {
            User u = people.get(e.userId());
            String who = u == null ? e.userId().toString() : u.username();
            ResolvedRate rate = rateTable.resolve(e.userId(), c.id(), c.matterType())
                    .orElseThrow(() -> new ConflictException("No hourly rate applies to " + who + " on case "
                            + c.number() + "; set one with POST /api/v1/rates (a firm default has no user, case or"
                            + " matter type)."));
            items.add(new BillableItem(LineKind.FEE, e.date(), e.id(), null, e.userId(), who,
                    u == null ? who : u.displayName(), classification(u == null ? null : u.role()), e.taskCode(),
                    e.activityCode(), null, e.description(), e.billedHours(), rate.hourlyRate(),
                    unused.remove(e.id())));
        }
        for (Expense x : costs) {
            items.add(new BillableItem(LineKind.EXPENSE, x.date(), null, x.id(), null, null, null, null, null, null,
                    x.expenseCode(), x.description(), x.quantity(), x.unitCost(), unused.remove(x.id())));
        }
        if (!unused.isEmpty()) {
            throw new InvalidInputException("write-downs name items that are not on this invoice: " + unused.keySet()
                    + "; give ids of the case's unbilled time entries or expenses in the period");
        }
        return items;
    }

    /** LEDES timekeeper classification: PT partner, AS associate, PL paralegal, OT anyone else. */
    static String classification(Role role) {
        if (role == null) {
            return "OT";
        }
        return switch (role) {
            case PARTNER -> "PT";
            case ASSOCIATE -> "AS";
            case PARALEGAL -> "PL";
            default -> "OT";
        };
    }

    public Mono<Invoice> get(Actor actor, UUID id) {
        return invoices.findById(id)
                .filterWhen(i -> visible(actor, i))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No invoice with id " + id
                        + " is visible to you")));
    }

    private Mono<Boolean> visible(Actor actor, Invoice i) {
        if (!actor.role().isFirmMember() && i.issuedAt() == null) {
            return Mono.just(false);
        }
        return cases.get(actor, i.caseId()).map(c -> true).onErrorResume(NotFoundException.class,
                e -> Mono.just(false));
    }

    /**
     * A page of the invoices the actor may see: firm members those of every case they may see, a client the issued
     * invoices of their own cases; of one case or status when asked.
     */
    public Mono<Page<Invoice>> list(Actor actor, Optional<CaseId> caseId, String status, PageRequest request) {
        return Mono.fromCallable(() -> {
            try {
                return Optional.ofNullable(status).filter(s -> !s.isBlank()).map(InvoiceStatus::fromId);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }).flatMap(s -> {
            boolean client = !actor.role().isFirmMember();
            Optional<ContactId> clientOnly = client ? actor.contactId()
                    .or(() -> Optional.of(new ContactId(new UUID(0, 0)))) : Optional.empty();
            CaseFilter visible = CaseFilter.of(actor);
            Mono<Void> caseVisible = caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty());
            return caseVisible.then(invoices.find(visible, caseId, clientOnly, s, client, request).collectList()
                    .zipWith(invoices.count(visible, caseId, clientOnly, s, client),
                            (items, total) -> new Page<>(items, total, request.page(), request.size())));
        });
    }

    public Mono<Invoice> issue(Actor actor, UUID id) {
        return transition(actor, id, List.of(InvoiceStatus.DRAFT), InvoiceStatus.ISSUED, "issued");
    }

    public Mono<Invoice> markPaid(Actor actor, UUID id) {
        return transition(actor, id, List.of(InvoiceStatus.ISSUED), InvoiceStatus.PAID, "marked paid");
    }

    /** Voids a draft or issued invoice and releases its time entries and expenses for billing again. */
    public Mono<Invoice> voidInvoice(Actor actor, UUID id) {
        return transition(actor, id, List.of(InvoiceStatus.DRAFT, InvoiceStatus.ISSUED), InvoiceStatus.VOID,
                "voided");
    }

    private Mono<Invoice> transition(Actor actor, UUID id, List<InvoiceStatus> from, InvoiceStatus to,
                                     String verb) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "change invoices");
            return get(actor, id);
        }).flatMap(i -> {
            Mono<Long> change = invoices.transition(id, from, to, now(), today());
            if (to == InvoiceStatus.VOID) {
                change = change.flatMap(n -> n == 0 ? Mono.just(0L)
                        : entries.release(id).then(expenses.release(id)).thenReturn(n));
            }
            return change.as(tx::transactional).flatMap(n -> n == 0
                    ? Mono.error(new ConflictException("Invoice " + i.number() + " is " + i.status().id()
                    + " and cannot be " + verb + "; only " + String.join(" or ", from.stream()
                    .map(InvoiceStatus::id).toList()) + " invoices can."))
                    : invoices.findById(id));
        });
    }

    /**
     * Writes a fee or expense line of a draft down by {@code amount} (0 takes an earlier write-down back); the
     * discount and tax lines and the totals are computed again. Issued invoices are final: void and invoice again.
     */
    public Mono<Invoice> writeDown(Actor actor, UUID id, int lineNumber, BigDecimal amount) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "change invoices");
            BigDecimal writeDown = Money.parse("writeDown", amount, true);
            return get(actor, id).flatMap(i -> {
                if (i.status() != InvoiceStatus.DRAFT) {
                    return Mono.error(notDraft(i));
                }
                InvoiceLine target = i.lines().stream().filter(l -> l.number() == lineNumber).findFirst()
                        .orElseThrow(() -> new NotFoundException("Invoice " + i.number() + " has no line "
                                + lineNumber));
                if (target.kind().invoiceLevel()) {
                    throw new InvalidInputException("Line " + lineNumber + " is the " + target.kind().id()
                            + " line, computed from the others; write down fee or expense lines instead");
                }
                List<BillableItem> items = i.lines().stream().filter(l -> !l.kind().invoiceLevel())
                        .map(l -> new BillableItem(l.kind(), l.date(), l.timeEntryId(), l.expenseId(),
                                l.timekeeperId(), l.timekeeperUsername(), l.timekeeperName(),
                                l.timekeeperClassification(), l.taskCode(), l.activityCode(), l.expenseCode(),
                                l.description(), l.units(), l.unitCost(),
                                l.number() == lineNumber ? writeDown : l.adjustment().negate()))
                        .toList();
                InvoiceCalculator.Result result = InvoiceCalculator.compute(items, i.discountPercent(),
                        i.taxPercent(), i.taxFees(), i.taxExpenses(), i.periodTo());
                return invoices.lockDraft(id)
                        .flatMap(n -> n == 0 ? Mono.error(notDraft(i)) : invoices.deleteLines(id))
                        .thenMany(Flux.fromIterable(result.lines()).concatMap(l -> invoices.insertLine(id, l)))
                        .then(invoices.updateTotals(id, i.periodFrom(), result))
                        .as(tx::transactional)
                        .then(invoices.findById(id));
            });
        });
    }

    private static ConflictException notDraft(Invoice i) {
        return new ConflictException("Invoice " + i.number() + " is " + i.status().id() + "; only drafts can be"
                + " written down. Void it and invoice again to change an issued invoice.");
    }

    public List<String> formats() {
        List<String> all = new ArrayList<>(List.of("json"));
        all.addAll(renderers.keySet());
        return all;
    }

    /** The invoice in a file format other than JSON: LEDES, docx or pdf. */
    public Mono<Rendered> render(Actor actor, UUID id, String format) {
        return Mono.defer(() -> {
            InvoiceRenderer renderer = renderers.get(format == null ? "" : format.strip().toLowerCase());
            if (renderer == null) {
                throw new InvalidInputException("format '" + format + "' is not available; choose one of "
                        + String.join(", ", formats()));
            }
            return get(actor, id).flatMap(i -> renderer.render(i).map(bytes -> new Rendered(bytes,
                    renderer.mediaType(), i.number() + "." + renderer.fileExtension())));
        });
    }
}
