package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseResolutionPolicyTest {

    private final CaseResolutionPolicy policy = new CaseResolutionPolicy(0.55, 0.12, 5, Set.of("the", "case"));

    private static EntityMatch match(String id, double score) {
        return new EntityMatch(id, id, score);
    }

    @Test
    void aClearLeaderIsChosen() {
        var decision = policy.decide(List.of(match("miller", 0.95), match("millar", 0.70)));
        assertThat(decision.resolved()).map(EntityMatch::id).contains("miller");
        assertThat(decision.candidates()).isEmpty();
    }

    @Test
    void twoCloseCandidatesAreTheQuestionAndAFarThirdIsNotOfferedBesideThem() {
        var decision = policy.decide(List.of(match("sounds-alike", 0.61), match("estate", 1.0), match("acme", 1.0)));
        assertThat(decision.resolved()).isEmpty();
        assertThat(decision.candidates()).extracting(EntityMatch::id).containsExactlyInAnyOrder("estate", "acme");
    }

    @Test
    void noiseIsNeverACandidate() {
        var decision = policy.decide(List.of(match("a", 0.50), match("b", 0.40)));
        assertThat(decision.resolved()).isEmpty();
        assertThat(decision.candidates()).isEmpty();
    }
}
