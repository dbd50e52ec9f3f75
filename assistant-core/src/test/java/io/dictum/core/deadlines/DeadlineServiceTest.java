package io.dictum.core.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.errors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlineServiceTest {

    private static final DeadlineService FEDERAL = new DeadlineService(RuleSetLibrary.builtIn());
    private static DeadlineService firm;

    @BeforeAll
    static void firmLibrary(@TempDir Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("deadlines"));
        try (InputStream in = DeadlineServiceTest.class.getResourceAsStream("FRCP-NY.yaml")) {
            Files.copy(in, dir.resolve("FRCP-NY.yaml"));
        }
        Files.writeString(dir.resolve("README.txt"), "not a rule set");
        firm = new DeadlineService(new RuleSetLibrary(dir));
    }

    private static ComputedDeadline one(DeadlineService service, String set, String trigger, String date,
                                        String method, String rule) {
        return service.compute(new ComputeRequest(set, trigger, date, method)).deadlines().stream()
                .filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void theFederalSetHasTheSpecifiedTriggersAndCitations() {
        RuleSet frcp = FEDERAL.ruleSet("FRCP");
        assertThat(frcp.triggers()).containsOnlyKeys("complaint_served", "waiver_sent", "motion_served",
                "judgment_entered", "interrogatories_served", "production_requests_served", "rule_26f_conference",
                "hearing_scheduled");
        assertThat(frcp.rules()).extracting(DeadlineRule::citation).contains("FRCP 12(a)(1)(A)(i)",
                "FRCP 12(a)(1)(A)(ii)", "FRCP 33(b)(2)", "FRCP 34(b)(2)(A)", "FRCP 26(a)(1)(C)", "FRCP 59(b)",
                "FRAP 4(a)(1)(A)", "FRCP 6(c)(1)");
        assertThat(frcp.rules()).filteredOn(DeadlineRule::threeDayRule).extracting(DeadlineRule::id)
                .containsExactlyInAnyOrder("interrogatory_answers", "production_responses", "motion_response");
        assertThat(frcp.rules()).filteredOn(r -> r.direction() == Direction.BEFORE).extracting(DeadlineRule::id)
                .containsExactly("motion_served_before_hearing");
        assertThat(frcp.rules()).filteredOn(r -> r.id().equals("motion_response")).first()
                .satisfies(r -> assertThat(r.citation()).startsWith("Local rule default"));
        assertThat(FEDERAL.ruleSet("frcp")).isSameAs(frcp);
    }

    @Test
    void judgmentSetsOffBothPostJudgmentDeadlinesInRuleOrder() {
        DeadlineComputation c = FEDERAL.compute(new ComputeRequest("FRCP", "judgment_entered", "2026-11-27", null));
        assertThat(c.serviceMethod()).isEqualTo("electronic");
        assertThat(c.deadlines()).extracting(ComputedDeadline::rule, ComputedDeadline::citation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new_trial_motion", "FRCP 59(b)"),
                        org.assertj.core.groups.Tuple.tuple("notice_of_appeal", "FRAP 4(a)(1)(A)"));
        assertThat(c.deadlines().get(1).explanation()).contains("FRAP 26(a)");
        assertThat(c.deadlines().get(0).explanation()).contains("must not extend");
    }

    @Test
    void theExplanationWalksThroughEveryStep() {
        ComputedDeadline d = one(FEDERAL, "FRCP", "interrogatories_served", "2026-11-25", "clerk",
                "interrogatory_answers");
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(d.steps()).hasSize(7);
        assertThat(d.steps().get(0)).contains("Service of interrogatories").contains("Wed 2026-11-25");
        assertThat(d.steps().get(1)).contains("30 days").contains("trigger day is excluded")
                .contains("Fri 2026-12-25");
        assertThat(d.steps().get(2)).contains("Christmas Day, a legal holiday").contains("FRCP 6(a)(1)(C)")
                .contains("Sat 2026-12-26 is a Saturday").contains("Sun 2026-12-27 is a Sunday")
                .contains("Mon 2026-12-28 is open");
        assertThat(d.steps().get(3)).contains("Rule 5(b)(2)(D)").contains("FRCP 6(d) adds 3 days")
                .contains("Mon 2026-12-28 + 3 days = Thu 2026-12-31");
        assertThat(d.steps().get(4)).contains("Thu 2026-12-31 is not a Saturday, Sunday or legal holiday");
        assertThat(d.steps().get(5)).contains("Due: Thu 2026-12-31").contains("FRCP 33(b)(2)");
        assertThat(d.steps().get(6)).startsWith("Note: ");
        assertThat(d.explanation()).isEqualTo(String.join(" ", d.steps()));
    }

    @Test
    void theExplanationSaysWhySixDAddsNothing() {
        assertThat(one(FEDERAL, "FRCP", "complaint_served", "2026-03-02", "mail", "answer").explanation())
                .contains("FRCP 6(d) does not apply to this period").contains("Rule 4");
        assertThat(one(FEDERAL, "FRCP", "motion_served", "2026-03-02", "electronic", "motion_response")
                .explanation()).contains("Served electronically under Rule 5(b)(2)(E): FRCP 6(d) adds no days");
        assertThat(one(FEDERAL, "FRCP", "hearing_scheduled", "2026-11-25", null, "motion_served_before_hearing")
                .explanation()).contains("previous day").contains("FRCP 6(a)(5)");
    }

    @Test
    void badInputIsRefusedWithTheValidChoices() {
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest("CPLR", "complaint_served", "2026-03-02", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CPLR").hasMessageContaining("FRCP");
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest("FRCP", "complaint_filed", "2026-03-02", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("complaint_filed")
                .hasMessageContaining("complaint_served, waiver_sent");
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest("FRCP", "complaint_served", "2026-02-30", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-02-30")
                .hasMessageContaining("not a real calendar date");
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest("FRCP", "complaint_served", "03/02/2026", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("yyyy-mm-dd");
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest("FRCP", "complaint_served", "2026-03-02",
                "fax"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("fax")
                .hasMessageContaining("electronic, personal, mail, clerk, other");
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest(null, " ", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Missing ruleSet, trigger, date");
        assertThatThrownBy(() -> FEDERAL.compute(new ComputeRequest("FRCP", "complaint_served", "9999-01-01",
                null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the years");
        assertThatThrownBy(() -> FEDERAL.compute(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFirmSetExtendsTheFederalOneWithStateHolidaysForwardOnly() {
        // Thu 2026-01-22 + 21 = Thu 2026-02-12 Lincoln's Birthday (state holiday, forward period) → Fri 2026-02-13
        assertThat(one(firm, "FRCP-NY", "complaint_served", "2026-01-22", null, "answer").dueDate())
                .isEqualTo(LocalDate.of(2026, 2, 13));
        // the federal set knows no Lincoln's Birthday
        assertThat(one(firm, "FRCP", "complaint_served", "2026-01-22", null, "answer").dueDate())
                .isEqualTo(LocalDate.of(2026, 2, 12));
        // hearing Thu 2026-02-26 − 14 = Thu 2026-02-12: a state holiday does not count backward (FRCP 6(a)(6)(C))
        assertThat(one(firm, "FRCP-NY", "hearing_scheduled", "2026-02-26", null, "motion_served_before_hearing")
                .dueDate()).isEqualTo(LocalDate.of(2026, 2, 12));
    }

    @Test
    void aCourtClosureMovesDeadlinesInTheDirectionOfCounting() {
        // Tue 2026-02-17 + 21 = Tue 2026-03-10, courthouse closed → Wed 2026-03-11
        ComputedDeadline answer = one(firm, "FRCP-NY", "complaint_served", "2026-02-17", null, "answer");
        assertThat(answer.dueDate()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(answer.explanation()).contains("Courthouse closed (snow), a day the clerk's office is closed");
        // hearing Tue 2026-03-24 − 14 = Tue 2026-03-10, closed → Mon 2026-03-09
        assertThat(one(firm, "FRCP-NY", "hearing_scheduled", "2026-03-24", null, "motion_served_before_hearing")
                .dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void aDeadlineCanBeCountedFromAnother() {
        // motion served Fri 2026-12-11: response Fri 12-25 Christmas → Mon 12-28; reply Mon 12-28 + 7 = Mon 2027-01-04
        List<ComputedDeadline> electronic = firm.compute(new ComputeRequest("FRCP-NY", "motion_served", "2026-12-11",
                null)).deadlines();
        assertThat(electronic).extracting(ComputedDeadline::rule, ComputedDeadline::dueDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("motion_response", LocalDate.of(2026, 12, 28)),
                org.assertj.core.groups.Tuple.tuple("motion_reply", LocalDate.of(2027, 1, 4)));
        assertThat(electronic.get(1).after()).isEqualTo("motion_response");
        assertThat(electronic.get(1).explanation()).contains("the due date of Response to a motion");
        // by mail: response Mon 12-28 + 3 = Thu 12-31; reply Thu 12-31 + 7 = Thu 2027-01-07
        assertThat(one(firm, "FRCP-NY", "motion_served", "2026-12-11", "mail", "motion_reply").dueDate())
                .isEqualTo(LocalDate.of(2027, 1, 7));
    }

    @Test
    void hourPeriodsRunToTheSameTimeOfTheNextOpenDay() {
        // Thu 2026-12-24 10:00 + 72 h = Sun 12-27 10:00 → Mon 2026-12-28 10:00 (6(a)(2)(C))
        ComputedDeadline d = one(firm, "FRCP-NY", "emergency_order", "2026-12-24T10:00", null, "emergency_response");
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 28, 10, 0));
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(d.explanation()).contains("FRCP 6(a)(2)");
        // Tue 2026-12-22 09:15 + 72 h = Fri 12-25 09:15 Christmas → Mon 2026-12-28 09:15
        assertThat(one(firm, "FRCP-NY", "emergency_order", "2026-12-22T09:15", null, "emergency_response").dueAt())
                .isEqualTo(LocalDateTime.of(2026, 12, 28, 9, 15));
        // Mon 2026-12-21 16:00 + 72 h = Thu 2026-12-24 16:00, open
        assertThat(one(firm, "FRCP-NY", "emergency_order", "2026-12-21T16:00", null, "emergency_response").dueAt())
                .isEqualTo(LocalDateTime.of(2026, 12, 24, 16, 0));
        assertThatThrownBy(() -> firm.compute(new ComputeRequest("FRCP-NY", "emergency_order", "2026-12-21", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-12-21T14:30");
        // day periods ignore the time of day
        assertThat(one(firm, "FRCP-NY", "complaint_served", "2026-12-04T17:45", null, "answer").dueDate())
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void monthPeriodsEndOnTheSameDayOrTheMonthsLastDay() {
        // Mon 2026-11-30 + 3 months = Feb 30 does not exist → Sun 2027-02-28 → Mon 2027-03-01
        assertThat(one(firm, "FRCP-NY", "lease_terminated", "2026-11-30", null, "holdover_claim").dueDate())
                .isEqualTo(LocalDate.of(2027, 3, 1));
        // Fri 2026-10-30 + 3 months = Sat 2027-01-30 → Mon 2027-02-01
        assertThat(one(firm, "FRCP-NY", "lease_terminated", "2026-10-30", null, "holdover_claim").dueDate())
                .isEqualTo(LocalDate.of(2027, 2, 1));
    }
}
