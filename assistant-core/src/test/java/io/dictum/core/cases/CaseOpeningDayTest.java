package io.dictum.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.access.Actor;
import io.dictum.core.testing.EveningInNewYork;
import org.junit.jupiter.api.Test;

/**
 * A case is opened on the firm's day: at 9 p.m. in New York it is already the next day in UTC, and a case opened then
 * without an open date, and closed the same evening, must be opened and closed on the same New York day.
 */
class CaseOpeningDayTest {

    @Test
    void aCaseOpenedInTheEveningIsOpenedOnTheFirmsDayAndMayBeClosedThatDay() {
        Actor partner = EveningInNewYork.partner();
        CaseService cases = EveningInNewYork.bean(CaseService.class);
        LegalCase opened = cases.create(partner, new NewCase(null, "Evening v. Intake", "contract", null,
                "Evening Intake LLC", null, null, null)).block();
        assertThat(opened.openedOn()).isEqualTo(EveningInNewYork.FIRM_DAY);
        assertThat(opened.number()).startsWith("2026-");
        LegalCase closed = cases.update(partner, opened.id(), new CasePatch(null, null, "closed", null,
                EveningInNewYork.FIRM_DAY, null)).block();
        assertThat(closed.closedOn()).isEqualTo(EveningInNewYork.FIRM_DAY);
    }
}
