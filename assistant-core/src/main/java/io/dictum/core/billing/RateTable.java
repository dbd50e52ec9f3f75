package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.MatterType;
import io.dictum.core.users.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the rate for a user on a case: of the rates that apply, the most specific level wins (see
 * {@link RateLevel}); among rates of the same level the newest wins.
 */
public final class RateTable {

    private final List<Rate> rates;

    public RateTable(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    public Optional<ResolvedRate> resolve(UserId user, CaseId legalCase, MatterType matterType) {
        return rates.stream()
                .filter(r -> r.appliesTo(user, legalCase, matterType))
                .min(Comparator.comparing(Rate::level)
                        .thenComparing(Rate::createdAt, Comparator.reverseOrder()))
                .map(r -> new ResolvedRate(r.hourlyRate(), r.level(), r.id()));
    }
}
