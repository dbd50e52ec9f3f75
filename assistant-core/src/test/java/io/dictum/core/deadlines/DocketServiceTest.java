package io.dictum.core.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.testing.EveningInNewYork;
import org.junit.jupiter.api.Test;

/** Re-dating a trigger says on which of the firm's days a deadline it leaves alone was done. */
class DocketServiceTest {

    @Test
    void aDeadlineDoneInTheEveningIsSaidToBeDoneOnTheFirmsDay() {
        Actor partner = EveningInNewYork.partner();
        LegalCase c = EveningInNewYork.bean(CaseService.class).create(partner, new NewCase(null,
                "Evening v. Judgment", "contract", null, "Evening Judgment LLC", null, null, null)).block();
        DocketService docket = EveningInNewYork.bean(DocketService.class);
        DocketedEvent judgment = docket.docket(partner, c.id(), new DocketRequest("judgment_entered", "2026-11-20",
                null, null)).block();
        DocketedDeadline newTrial = judgment.deadlines().stream().filter(d -> d.rule().equals("new_trial_motion"))
                .findFirst().orElseThrow();
        docket.setStatus(partner, newTrial.id(), DeadlineStatus.DONE).block();

        EventChangeResult changed = docket.changeEvent(partner, c.id(), judgment.event().id(),
                new EventChange("2026-11-23", null, "entry date corrected")).block();

        assertThat(changed.changes()).filteredOn(ch -> ch.deadlineId().equals(newTrial.id())).singleElement()
                .satisfies(ch -> {
                    assertThat(ch.moved()).isFalse();
                    assertThat(ch.note()).startsWith("done on 2026-11-27: kept as done on " + newTrial.dueDate());
                });
    }
}
