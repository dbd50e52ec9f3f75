package io.dictum.web.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.billing.Expense;
import io.dictum.core.billing.NewExpense;
import io.dictum.core.billing.NewTimeEntry;
import io.dictum.core.billing.TimeEntry;
import io.dictum.core.billing.TimeEntryPatch;
import io.dictum.core.billing.TimeEntryService;
import io.dictum.core.billing.TimeSummaries;
import io.dictum.core.billing.TimeSummary;
import io.dictum.core.billing.TimeTotals;
import io.dictum.core.billing.UtbmsCodes;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import io.dictum.web.paging.PageQuery;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Time entries, expenses and the UTBMS code lists. */
@RestController
class TimeEntryController {

    private final TimeEntryService entries;
    private final TimeSummaries summaries;

    TimeEntryController(TimeEntryService entries, TimeSummaries summaries) {
        this.entries = entries;
        this.summaries = summaries;
    }

    @GetMapping("/api/v1/time-entries")
    Mono<ResponseEntity<List<TimeEntry>>> list(Actor actor, @RequestParam(required = false) CaseId caseId,
                                               @RequestParam(required = false) UserId userId,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(defaultValue = "false") boolean unbilled,
                                               PageQuery paging) {
        return paging.answer(p -> entries.list(actor, Optional.ofNullable(caseId), Optional.ofNullable(userId), from,
                to, unbilled, p));
    }

    /** What the list with the same filters adds up to over all its pages: entries, minutes and hours. */
    @GetMapping("/api/v1/time-entries/totals")
    Mono<TimeTotals> totals(Actor actor, @RequestParam(required = false) CaseId caseId,
                            @RequestParam(required = false) UserId userId,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(defaultValue = "false") boolean unbilled) {
        return entries.totals(actor, Optional.ofNullable(caseId), Optional.ofNullable(userId), from, to, unbilled);
    }

    /** The signed-in timekeeper's own hours and their worth from {@code from} to {@code to} (today by default). */
    @GetMapping("/api/v1/time-entries/summary")
    Mono<TimeSummary> summary(Actor actor, @RequestParam(required = false) CaseId caseId,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return summaries.mine(actor, Optional.ofNullable(caseId), from, to);
    }

    @PostMapping("/api/v1/time-entries")
    Mono<ResponseEntity<TimeEntry>> record(Actor actor, @RequestBody NewTimeEntry request) {
        return entries.record(actor, request).map(e -> ResponseEntity
                .created(URI.create("/api/v1/time-entries/" + e.id())).body(e));
    }

    @GetMapping("/api/v1/time-entries/{id}")
    Mono<TimeEntry> get(Actor actor, @PathVariable UUID id) {
        return entries.get(actor, id);
    }

    @PatchMapping("/api/v1/time-entries/{id}")
    Mono<TimeEntry> update(Actor actor, @PathVariable UUID id, @RequestBody TimeEntryPatch patch) {
        return entries.update(actor, id, patch);
    }

    @DeleteMapping("/api/v1/time-entries/{id}")
    Mono<ResponseEntity<Void>> delete(Actor actor, @PathVariable UUID id) {
        return entries.delete(actor, id).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/expenses")
    Mono<ResponseEntity<List<Expense>>> expenses(Actor actor, @RequestParam(required = false) CaseId caseId,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(defaultValue = "false") boolean unbilled,
                                                 PageQuery paging) {
        return paging.answer(p -> entries.listExpenses(actor, Optional.ofNullable(caseId), from, to, unbilled, p));
    }

    @PostMapping("/api/v1/expenses")
    Mono<ResponseEntity<Expense>> recordExpense(Actor actor, @RequestBody NewExpense request) {
        return entries.recordExpense(actor, request).map(e -> ResponseEntity
                .created(URI.create("/api/v1/expenses?caseId=" + e.caseId())).body(e));
    }

    @DeleteMapping("/api/v1/expenses/{id}")
    Mono<ResponseEntity<Void>> deleteExpense(Actor actor, @PathVariable UUID id) {
        return entries.deleteExpense(actor, id).thenReturn(ResponseEntity.noContent().build());
    }

    /** The UTBMS litigation task phases and tasks, activity and expense codes accepted on entries. */
    @GetMapping("/api/v1/billing/codes")
    Map<String, List<UtbmsCodes.Code>> codes() {
        UtbmsCodes codes = UtbmsCodes.standard();
        return Map.of("phases", codes.phases(), "tasks", codes.tasks(), "activities", codes.activities(),
                "expenses", codes.expenses());
    }
}
