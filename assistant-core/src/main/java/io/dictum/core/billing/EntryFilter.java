package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.util.Optional;

/** Which time entries or expenses to list: dates inclusive, either end open when empty. */
public record EntryFilter(Optional<CaseId> caseId, Optional<UserId> userId, Optional<LocalDate> from,
                          Optional<LocalDate> to, boolean unbilledOnly, int limit) {

    public static EntryFilter ofCase(CaseId caseId) {
        return new EntryFilter(Optional.of(caseId), Optional.empty(), Optional.empty(), Optional.empty(), false, 1000);
    }
}
