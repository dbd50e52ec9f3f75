package io.dictum.core.billing;

import io.dictum.core.DateRange;
import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Time entries and expenses. Time and expenses are the firm's internal records: only firm members record, list or
 * change them (a client user gets 403). An entry may be changed by its author, a partner or an administrator, and
 * only while it is not billed: a billed one is a 409 until its invoice is voided.
 */
@Service
public class TimeEntryService {

    public static final int MAX_MINUTES = 24 * 60;
    public static final int MAX_RESULTS = 1000;
    public static final String VOICE_DESCRIPTION = "Time logged by voice";

    private final CaseLookup cases;
    private final TimeEntryRepository entries;
    private final ExpenseRepository expenses;
    private final TimeRounding rounding;
    private final FirmCalendar calendar;
    private final Clock clock;
    private final UtbmsCodes codes = UtbmsCodes.standard();

    public TimeEntryService(CaseLookup cases, TimeEntryRepository entries, ExpenseRepository expenses,
                            BillingProperties billing, FirmCalendar calendar, Clock clock) {
        this.cases = cases;
        this.entries = entries;
        this.expenses = expenses;
        this.rounding = TimeRounding.of(billing);
        this.calendar = calendar;
        this.clock = clock;
    }

    public LocalDate today() {
        return calendar.today();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    public TimeRounding rounding() {
        return rounding;
    }

    public Mono<TimeEntry> record(Actor actor, NewTimeEntry request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "record time");
            if (request == null) {
                throw new InvalidInputException("Send {caseId, minutes, description, date?, billable?, taskCode?,"
                        + " activityCode?} as JSON.");
            }
            if (request.caseId() == null) {
                throw new InvalidInputException("caseId is required: the matter the time was spent on");
            }
            int minutes = minutes(request.minutes());
            LocalDate date = Inputs.notFuture("date", request.date() == null ? today() : request.date(), today());
            String description = Inputs.description(request.description());
            String task = codes.task(request.taskCode());
            String activity = codes.activity(request.activityCode());
            return cases.get(actor, request.caseId()).flatMap(c -> {
                OffsetDateTime now = now();
                TimeEntry e = new TimeEntry(UUID.randomUUID(), c.id(), actor.userId(), date, minutes,
                        rounding.billedHours(minutes), description, request.billable() == null || request.billable(),
                        task, activity, null, null, now, now);
                return entries.insert(e).thenReturn(e);
            });
        });
    }

    /**
     * For the voice command {@code log_time}: minutes on a case, dated today in the firm's time zone, billable;
     * without a description it says that it was logged by voice.
     */
    public Mono<TimeEntry> logTime(Actor actor, CaseId caseId, int minutes, String description) {
        String what = description == null || description.isBlank() ? VOICE_DESCRIPTION : description;
        return record(actor, new NewTimeEntry(caseId, null, minutes, what, true, null, null));
    }

    /** A page of the time entries the filter selects in the cases the actor may see. */
    public Mono<Page<TimeEntry>> list(Actor actor, Optional<CaseId> caseId, Optional<UserId> userId, String from,
                                      String to, boolean unbilledOnly, PageRequest request) {
        return Mono.fromCallable(() -> {
            CaseAccess.requireFirmMember(actor, "see time entries");
            return filter(caseId, userId, from, to, unbilledOnly);
        }).flatMap(f -> caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty())
                .then(entries.find(f, CaseFilter.of(actor), request).collectList()
                        .zipWith(entries.count(f, CaseFilter.of(actor)),
                                (items, total) -> new Page<>(items, total, request.page(), request.size()))));
    }

    /** What {@link #list} selects adds up to over all its pages, under the same rules. */
    public Mono<TimeTotals> totals(Actor actor, Optional<CaseId> caseId, Optional<UserId> userId, String from,
                                   String to, boolean unbilledOnly) {
        return Mono.fromCallable(() -> {
            CaseAccess.requireFirmMember(actor, "see time entries");
            return filter(caseId, userId, from, to, unbilledOnly);
        }).flatMap(f -> caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty())
                .then(entries.totals(f, CaseFilter.of(actor))));
    }

    public Mono<TimeEntry> get(Actor actor, UUID id) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "see time entries");
            return visibleEntry(actor, id);
        });
    }

    public Mono<TimeEntry> update(Actor actor, UUID id, TimeEntryPatch patch) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "change time entries");
            if (patch == null) {
                throw new InvalidInputException("Send the fields to change as JSON: date, minutes, description,"
                        + " billable, taskCode, activityCode.");
            }
            return visibleEntry(actor, id);
        }).flatMap(e -> {
            requireChangeable(actor, e);
            int minutes = patch.minutes() == null ? e.minutes() : minutes(patch.minutes());
            LocalDate date = patch.date() == null ? e.date() : Inputs.notFuture("date", patch.date(), today());
            TimeEntry changed = new TimeEntry(e.id(), e.caseId(), e.userId(), date, minutes,
                    patch.minutes() == null ? e.billedHours() : rounding.billedHours(minutes),
                    patch.description() == null ? e.description() : Inputs.description(patch.description()),
                    patch.billable() == null ? e.billable() : patch.billable(),
                    patch.taskCode() == null ? e.taskCode() : codes.task(patch.taskCode()),
                    patch.activityCode() == null ? e.activityCode() : codes.activity(patch.activityCode()),
                    e.timerId(), null, e.createdAt(), now());
            return entries.updateUnbilled(changed).flatMap(n -> n == 0 ? Mono.error(billed(e.id()))
                    : Mono.just(changed));
        });
    }

    public Mono<Void> delete(Actor actor, UUID id) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "delete time entries");
            return visibleEntry(actor, id);
        }).flatMap(e -> {
            requireChangeable(actor, e);
            return entries.deleteUnbilled(e.id()).flatMap(n -> n == 0 ? Mono.error(billed(e.id())) : Mono.empty());
        });
    }

    public Mono<Expense> recordExpense(Actor actor, NewExpense request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "record expenses");
            if (request == null) {
                throw new InvalidInputException("Send {caseId, amount | unitCost and quantity?, description, date?,"
                        + " expenseCode?, billable?} as JSON.");
            }
            if (request.caseId() == null) {
                throw new InvalidInputException("caseId is required: the matter the expense was incurred on");
            }
            BigDecimal quantity;
            BigDecimal unitCost;
            if (request.amount() != null) {
                if (request.unitCost() != null || request.quantity() != null) {
                    throw new InvalidInputException("Give either amount, or unitCost with an optional quantity;"
                            + " not both");
                }
                quantity = BigDecimal.ONE.setScale(2);
                unitCost = Money.parse("amount", request.amount(), false);
            } else {
                unitCost = Money.parse("unitCost", request.unitCost(), false);
                quantity = request.quantity() == null ? BigDecimal.ONE.setScale(2)
                        : Money.parse("quantity", request.quantity(), false);
            }
            LocalDate date = Inputs.notFuture("date", request.date() == null ? today() : request.date(), today());
            String description = Inputs.description(request.description());
            String code = codes.expense(request.expenseCode());
            return cases.get(actor, request.caseId()).flatMap(c -> {
                Expense e = new Expense(UUID.randomUUID(), c.id(), actor.userId(), date, quantity, unitCost,
                        description, code, request.billable() == null || request.billable(), null, now());
                return expenses.insert(e).thenReturn(e);
            });
        });
    }

    /** A page of the expenses the filter selects in the cases the actor may see. */
    public Mono<Page<Expense>> listExpenses(Actor actor, Optional<CaseId> caseId, String from, String to,
                                            boolean unbilledOnly, PageRequest request) {
        return Mono.fromCallable(() -> {
            CaseAccess.requireFirmMember(actor, "see expenses");
            return filter(caseId, Optional.empty(), from, to, unbilledOnly);
        }).flatMap(f -> caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty())
                .then(expenses.find(f, CaseFilter.of(actor), request).collectList()
                        .zipWith(expenses.count(f, CaseFilter.of(actor)),
                                (items, total) -> new Page<>(items, total, request.page(), request.size()))));
    }

    public Mono<Void> deleteExpense(Actor actor, UUID id) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "delete expenses");
            return expenses.findById(id);
        }).switchIfEmpty(Mono.error(() -> new NotFoundException("No expense with id " + id)))
                .flatMap(e -> cases.get(actor, e.caseId()).thenReturn(e))
                .flatMap(e -> {
                    if (!e.userId().equals(actor.userId()) && !isSupervisor(actor)) {
                        throw new ForbiddenException("Only whoever recorded an expense, a partner or an"
                                + " administrator may delete it.");
                    }
                    return expenses.deleteUnbilled(e.id()).flatMap(n -> n == 0 ? Mono.error(new ConflictException(
                            "Expense " + id + " is on an invoice and cannot be changed; void the invoice first."))
                            : Mono.empty());
                });
    }

    private EntryFilter filter(Optional<CaseId> caseId, Optional<UserId> userId, String from, String to,
                               boolean unbilledOnly) {
        DateRange range = DateRange.of(from, to);
        return new EntryFilter(caseId, userId, range.from(), range.to(), unbilledOnly, MAX_RESULTS);
    }

    private Mono<TimeEntry> visibleEntry(Actor actor, UUID id) {
        return entries.findById(id)
                .flatMap(e -> cases.get(actor, e.caseId()).thenReturn(e))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No time entry with id " + id
                        + " is visible to you")));
    }

    private static void requireChangeable(Actor actor, TimeEntry e) {
        if (e.billed()) {
            throw billed(e.id());
        }
        if (!e.userId().equals(actor.userId()) && !isSupervisor(actor)) {
            throw new ForbiddenException("Only the timekeeper, a partner or an administrator may change this"
                    + " time entry.");
        }
    }

    private static boolean isSupervisor(Actor actor) {
        return actor.role() == Role.PARTNER || actor.role() == Role.ADMIN;
    }

    static ConflictException billed(UUID id) {
        return new ConflictException("Time entry " + id + " is billed on an invoice and locked; void the invoice"
                + " (POST /api/v1/invoices/{id}/void) to change it.");
    }

    private static int minutes(Integer minutes) {
        if (minutes == null) {
            throw new InvalidInputException("minutes is required, e.g. 30");
        }
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidInputException("minutes must be between 1 and " + MAX_MINUTES + "; got " + minutes);
        }
        return minutes;
    }

    /** Used by the timer: an entry from a stopped timer, validated like a recorded one. */
    TimeEntry fromTimer(Actor actor, LegalCase c, Timer t, int minutes, StopTimer stop) {
        String activityCode = stop != null && stop.activityCode() != null ? codes.activity(stop.activityCode())
                : codes.isActivity(t.activity()) ? codes.activity(t.activity()) : null;
        String description = stop != null && stop.description() != null ? Inputs.description(stop.description())
                : t.activity() != null && !codes.isActivity(t.activity()) ? Inputs.description(t.activity())
                : activityCode != null ? codes.activities().stream().filter(a -> a.code().equals(activityCode))
                .findFirst().orElseThrow().name() : "Time recorded with a timer";
        String task = stop == null ? null : codes.task(stop.taskCode());
        boolean billable = stop == null || stop.billable() == null || stop.billable();
        OffsetDateTime now = now();
        return new TimeEntry(UUID.randomUUID(), c.id(), actor.userId(), today(), minutes,
                rounding.billedHours(minutes), description, billable, task, activityCode, t.id(), null, now, now);
    }
}
