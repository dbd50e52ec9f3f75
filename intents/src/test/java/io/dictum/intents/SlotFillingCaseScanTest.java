package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A case read from the words around a paraphrase: talk around the name never picks a case of its own. */
class SlotFillingCaseScanTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:30:00-05:00[America/New_York]");

    private final SlotFilling filling = new SlotFilling(IntentCatalogue.defaults());

    /** "miller" names the Miller case exactly; the words around it sound a little like another case. */
    private static EntityResolver resolver(double aroundScore) {
        return (reference, limit) -> reference.equals("miller") ? List.of(new EntityMatch("miller", "Miller", 1.0))
                : reference.contains("peek") ? List.of(new EntityMatch("other", "Other", aroundScore)) : List.of();
    }

    private Optional<Interpretation> read(EntityResolver resolver) {
        return filling.scan(Intent.OPEN_CASE, new Utterance("lemme peek at the miller case", Optional.empty(), NOW),
                resolver, 0.8, List.of(), InterpretationSource.SEMANTIC);
    }

    @Test
    void theNameWinsOverAWeakerMatchOfTheWordsAroundIt() {
        Interpretation reading = read(resolver(0.7)).orElseThrow();
        assertThat(reading.slots()).containsEntry("case", "miller");
    }

    @Test
    void twoPiecesSettlingDifferentCasesAlikeAreAskedBackNotGuessed() {
        Optional<Interpretation> reading = read(resolver(0.98));
        assertThat(reading.map(Interpretation::slots).orElse(Map.of())).doesNotContainKey("case");
        reading.ifPresent(r -> assertThat(r.unresolved().get("case")).extracting(EntityMatch::id)
                .containsExactlyInAnyOrder("miller", "other"));
    }
}
