package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evaluation set's targets (see eval/utterances.tsv); a miss list is printed in the failure message. */
class IntentEvaluationTest {

    private static final IntentEvaluation.Report report = IntentEvaluation.run(); // one pass serves every check

    @Test
    void theSetIsLargeAndHasDistractors() {
        assertThat(report.total()).isGreaterThanOrEqualTo(300);
        assertThat(report.distractors()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void intentAccuracyIsAtLeast97Percent() {
        assertThat(report.intentAccuracy()).as(IntentEvaluation.format(report)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void slotsMatchExactlyInAtLeast93PercentOfCommands() {
        assertThat(report.slotExactMatch()).as(IntentEvaluation.format(report)).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void noDistractorBecomesACommandThatChangesData() {
        assertThat(report.changingDistractors()).as(IntentEvaluation.format(report)).isEmpty();
    }
}
