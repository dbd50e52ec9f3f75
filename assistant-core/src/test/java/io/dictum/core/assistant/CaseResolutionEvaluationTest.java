package io.dictum.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The evaluation set's case references against the real Lucene resolver over the demo firm. */
class CaseResolutionEvaluationTest {

    private static ConfigurableApplicationContext context;
    private static CaseResolutionEvaluation.Report report;

    @BeforeAll
    static void run() {
        context = DemoFirmApplication.start();
        report = CaseResolutionEvaluation.run(context);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theSetNamesCasesPlainlyAmbiguouslyAndWithSlips() {
        assertThat(report.outcomes()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(report.outcomes()).anyMatch(o -> o.example().expected().equals(CaseResolutionEvaluation.ASK));
    }

    @Test
    void anAmbiguousReferenceIsAskedBackNeverGuessed() {
        assertThat(report.wrongCases()).as(CaseResolutionEvaluation.format(report)).isZero();
    }

    @Test
    void mostReferencesResolveAsLabelled() {
        assertThat(report.accuracy()).as(CaseResolutionEvaluation.format(report)).isGreaterThanOrEqualTo(0.9);
    }
}
