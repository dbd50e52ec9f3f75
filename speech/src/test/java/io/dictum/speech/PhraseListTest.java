package io.dictum.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseListTest {

    private static final List<String> CASES = List.of("miller", "johnson versus acme", "kowalczyk");
    /** "show [me] the deadlines for {case} [case]", listed as pieces. */
    private static final List<PhrasePieces> DEADLINES = List.of(
            new PhrasePieces(List.of(List.of("show me the deadlines for"), CASES, List.of("case"))),
            new PhrasePieces(List.of(List.of("show the deadlines for"), CASES, List.of("case"))),
            new PhrasePieces(List.of(List.of("show me the deadlines for"), CASES)),
            new PhrasePieces(List.of(List.of("show the deadlines for"), CASES)));
    private static final PhraseList LIST = PhraseList.of(List.of("Open the  Miller case", "stop the timer",
            "show me the deadlines for", "show the deadlines for", "miller", "johnson versus acme", "kowalczyk",
            "case"), DEADLINES);

    @Test
    void wholePhrasesAreListedAndBegunNormalised() {
        assertThat(LIST.contains("open the miller case")).isTrue();
        assertThat(LIST.lists("OPEN the miller   case")).isTrue();
        assertThat(LIST.begins("open the")).isTrue();
        assertThat(LIST.begins("open the garcia")).isFalse();
        assertThat(LIST.lists("open the")).isFalse();
    }

    @Test
    void aPatternsPiecesSaidInOrderAreAListedCommandThoughNoPhrase() {
        assertThat(LIST.contains("show me the deadlines for johnson versus acme case")).isFalse();
        assertThat(LIST.lists("show me the deadlines for johnson versus acme case")).isTrue();
        assertThat(LIST.lists("show the deadlines for kowalczyk")).isTrue();
        // pieces out of the pattern's order, repeated, or a name cut short are not a command
        assertThat(LIST.lists("miller show the deadlines for case")).isFalse();
        assertThat(LIST.lists("show the deadlines for miller miller case")).isFalse();
        assertThat(LIST.lists("show the deadlines for johnson case")).isFalse();
        assertThat(LIST.lists("show the deadlines for miller case case")).isFalse();
    }

    @Test
    void aPatternIsBegunWithinAnyOfItsParts() {
        assertThat(LIST.begins("show me the deadlines for johnson")).isTrue();
        assertThat(LIST.begins("show me the deadlines for johnson versus acme")).isTrue();
        assertThat(LIST.begins("show me the deadlines for johnson versus acme case")).isTrue();
        assertThat(LIST.begins("show me the deadlines for garcia")).isFalse();
        assertThat(LIST.begins("show me the deadlines for miller case please")).isFalse();
    }

    @Test
    void partsThatCannotBeHeardAreLeftOutAndAPatternWithNothingToSayIsDropped() {
        PhraseList list = PhraseList.of(List.of("call", "garcia"), List.of(
                new PhrasePieces(List.of(List.of("call"), List.of("garcia", "nguyen"))),
                new PhrasePieces(List.of(List.of("phone"), List.of("garcia")))));
        assertThat(list.lists("call garcia")).isTrue();
        assertThat(list.lists("call nguyen")).as("not a phrase of the grammar, so never heard").isFalse();
        assertThat(list.begins("phone")).isFalse();
        assertThatThrownBy(() -> new PhrasePieces(List.of(List.of("call"), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
