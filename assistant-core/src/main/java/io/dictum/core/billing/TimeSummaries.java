package io.dictum.core.billing;

import io.dictum.core.DateRange;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.errors.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How much time the signed-in timekeeper recorded, and what it is worth: "how much time did I bill today". */
@Service
public class TimeSummaries {

    /** More entries than anyone records in a year; a summary is never cut short silently below this. */
    static final int MAX_ENTRIES = 20_000;

    private final CaseLookup cases;
    private final TimeEntryRepository entries;
    private final RateRepository rates;
    private final TimeEntryService timeEntries;
    private final BillingProperties billing;

    public TimeSummaries(CaseLookup cases, TimeEntryRepository entries, RateRepository rates,
                         TimeEntryService timeEntries, BillingProperties billing) {
        this.cases = cases;
        this.entries = entries;
        this.rates = rates;
        this.timeEntries = timeEntries;
        this.billing = billing;
    }

    /** The REST form: dates as yyyy-mm-dd text, today when absent. */
    public Mono<TimeSummary> mine(Actor actor, Optional<CaseId> caseId, String from, String to) {
        return Mono.defer(() -> {
            LocalDate today = timeEntries.today();
            DateRange given = DateRange.of(from, to);
            LocalDate f = given.from().orElse(given.to().orElse(today));
            LocalDate t = given.to().orElse(f.isAfter(today) ? f : today);
            return mine(actor, caseId, f, t);
        });
    }

    /** The actor's entries from {@code from} to {@code to} on the cases they may see, optionally one case. */
    public Mono<TimeSummary> mine(Actor actor, Optional<CaseId> caseId, LocalDate from, LocalDate to) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "see time entries");
            Mono<Void> visible = caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty());
            EntryFilter filter = new EntryFilter(caseId, Optional.of(actor.userId()), Optional.of(from),
                    Optional.of(to), false, MAX_ENTRIES);
            return visible.then(Mono.zip(entries.find(filter).collectList(), rates.findAll().collectList()))
                    .flatMap(t -> {
                        List<TimeEntry> mine = t.getT1();
                        RateTable table = new RateTable(t.getT2());
                        return Flux.fromStream(mine.stream().map(TimeEntry::caseId).distinct())
                                .flatMap(id -> cases.get(actor, id).map(Optional::of)
                                        .onErrorResume(NotFoundException.class, e -> Mono.just(Optional.empty())))
                                .filter(Optional::isPresent)
                                .map(Optional::get)
                                .collectMap(LegalCase::id)
                                .map(seen -> sum(actor, caseId, from, to, mine, seen, table));
                    });
        });
    }

    private TimeSummary sum(Actor actor, Optional<CaseId> caseId, LocalDate from, LocalDate to,
                            List<TimeEntry> mine, Map<CaseId, LegalCase> seen, RateTable table) {
        int count = 0;
        int minutes = 0;
        int unpriced = 0;
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal billable = BigDecimal.ZERO;
        BigDecimal amount = Money.ZERO;
        for (TimeEntry e : mine) {
            LegalCase c = seen.get(e.caseId());
            if (c == null) {
                continue; // a case the timekeeper may no longer see (an ethical wall) shows nothing, not even time
            }
            count++;
            minutes += e.minutes();
            hours = hours.add(e.billedHours());
            if (!e.billable()) {
                continue;
            }
            billable = billable.add(e.billedHours());
            Optional<ResolvedRate> rate = table.resolve(e.userId(), c.id(), c.matterType());
            if (rate.isPresent()) {
                amount = amount.add(Money.cents(e.billedHours().multiply(rate.get().hourlyRate())));
            } else {
                unpriced++;
            }
        }
        return new TimeSummary(actor.userId(), from, to, caseId.orElse(null), count, minutes, hours, billable,
                amount, billing.currency(), unpriced);
    }
}
