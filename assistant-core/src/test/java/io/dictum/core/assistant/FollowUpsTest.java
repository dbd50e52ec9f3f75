package io.dictum.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.assistant.FollowUps.Answer;
import io.dictum.core.assistant.FollowUps.Cancel;
import io.dictum.core.assistant.FollowUps.Chosen;
import io.dictum.core.assistant.FollowUps.NotAnAnswer;
import io.dictum.core.assistant.FollowUps.OutOfRange;
import io.dictum.core.assistant.FollowUps.StillAmbiguous;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers to "Which case do you mean: ...?" read against the candidates offered. */
class FollowUpsTest {

    private static final FollowUps FOLLOW_UPS = FollowUps.defaults();

    private static final List<Choice> JOHNSONS = List.of(
            new Choice("acme", "Johnson v. Acme Insurance (2025-PI-0019)", 0.7, "personal injury 2025-PI-0019 2025"),
            new Choice("estate", "Estate of Margaret Johnson (2025-E-0004)", 0.7, "estate 2025-E-0004 2025"));

    private static final List<Choice> THREE = List.of(
            new Choice("garcia", "Garcia v. Bayview Medical Center (2024-MM-0003)", 0.6, "medical malpractice 2024"),
            new Choice("garza", "Garza Family Trust (2024-E-0009)", 0.6, "estate 2024"),
            new Choice("gracie", "Gracie v. Harbor Lines (2026-PI-0031)", 0.6, "personal injury 2026"));

    private static Answer read(String text, List<Choice> choices) {
        return FOLLOW_UPS.read(text, choices);
    }

    @Test
    void placesInTheListPickByOrdinalNumberAndLast() {
        assertThat(read("the second one", JOHNSONS)).isEqualTo(new Chosen(1));
        assertThat(read("The first.", JOHNSONS)).isEqualTo(new Chosen(0));
        assertThat(read("number two", JOHNSONS)).isEqualTo(new Chosen(1));
        assertThat(read("number one please", JOHNSONS)).isEqualTo(new Chosen(0));
        assertThat(read("option 2", JOHNSONS)).isEqualTo(new Chosen(1));
        assertThat(read("2nd", JOHNSONS)).isEqualTo(new Chosen(1));
        assertThat(read("the last one", THREE)).isEqualTo(new Chosen(2));
        assertThat(read("um the third one", THREE)).isEqualTo(new Chosen(2));
        assertThat(read("two", THREE)).isEqualTo(new Chosen(1));
        assertThat(read("the latter", JOHNSONS)).isEqualTo(new Chosen(1));
    }

    @Test
    void aPlaceBeyondTheListIsSaidSoNotGuessed() {
        assertThat(read("the third one", JOHNSONS)).isEqualTo(new OutOfRange(3));
        assertThat(read("number five", JOHNSONS)).isEqualTo(new OutOfRange(5));
    }

    @Test
    void wordsThatDescribeOneCandidatePickIt() {
        assertThat(read("the estate one", JOHNSONS)).isEqualTo(new Chosen(1));
        assertThat(read("the one against Acme", JOHNSONS)).isEqualTo(new Chosen(0));
        assertThat(read("Johnson versus Acme", JOHNSONS)).isEqualTo(new Chosen(0));
        assertThat(read("the personal injury one", JOHNSONS)).isEqualTo(new Chosen(0));
        assertThat(read("the 2026 one", THREE)).isEqualTo(new Chosen(2));
        assertThat(read("the twenty twenty six one", THREE)).isEqualTo(new Chosen(2));
        assertThat(read("the trust", THREE)).isEqualTo(new Chosen(1));
        assertThat(read("the a state one", JOHNSONS)).as("a recogniser slip").isEqualTo(new Chosen(1));
    }

    @Test
    void wordsThatFitSeveralAskAgainAmongThose() {
        assertThat(read("the Johnson one", JOHNSONS)).isEqualTo(new StillAmbiguous(List.of(0, 1)));
        assertThat(read("the 2024 one", THREE)).isEqualTo(new StillAmbiguous(List.of(0, 1)));
    }

    @Test
    void neitherAndNeverMindCancel() {
        for (String text : List.of("neither", "Neither one.", "never mind", "none of them", "no", "forget it")) {
            assertThat(read(text, JOHNSONS)).as(text).isEqualTo(new Cancel());
        }
    }

    @Test
    void aNewCommandIsNotAnAnswer() {
        for (String text : List.of("find the police report", "open the Miller case", "open the Johnson estate",
                "what can I say", "yes", "the one", "log thirty minutes on Johnson", "Acme Trucking")) {
            assertThat(read(text, JOHNSONS)).as(text).isEqualTo(new NotAnAnswer());
        }
    }
}
