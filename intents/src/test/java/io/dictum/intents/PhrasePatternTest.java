package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhrasePatternTest {

    private static List<String> words(String text) {
        return SpeechNormaliser.words(text);
    }

    private static PhrasePattern compile(String source) throws PatternSyntaxError {
        return PhrasePattern.compile(source);
    }

    @ParameterizedTest
    @CsvSource({
            "open the miller case, 2, 3",
            "open miller, 1, 2",
            "pull up johnson versus acme, 2, 5",
            "switch to the kowalczyk matter, 3, 4",
            "show me the miller file, 3, 4",
            "go to miller matter, 2, 3"})
    void capturesTheSlotBetweenTheLiterals(String text, int from, int to) throws PatternSyntaxError {
        PhrasePattern p = compile("(open|pull up|show me|go to|switch to) [the] {case} [case|matter|file]");

        PhrasePattern.Parse parse = p.match(words(text)).orElseThrow();

        // the slot never swallows an optional literal that could match: the parse is the most specific one
        assertThat(parse.slots().get("case")).isEqualTo(new PhrasePattern.Span(from, to));
    }

    @Test
    void prefersTheParseWithMostLiteralWords() throws PatternSyntaxError {
        PhrasePattern p = compile("open [the] {case} [case|matter|file]");

        PhrasePattern.Parse parse = p.match(words("open the miller case")).orElseThrow();

        assertThat(parse.literals()).isEqualTo(3);
        assertThat(parse.slots().get("case")).isEqualTo(new PhrasePattern.Span(2, 3));
    }

    @Test
    void matchesOnlyTheWholeUtterance() throws PatternSyntaxError {
        PhrasePattern p = compile("(never mind|cancel)");

        assertThat(p.match(words("never mind"))).isPresent();
        assertThat(p.match(words("cancel"))).isPresent();
        assertThat(p.match(words("never mind the weather"))).isEmpty();
        assertThat(p.match(words("please cancel"))).isEmpty();
        assertThat(p.match(words("never"))).isEmpty();
    }

    @Test
    void aSlotTakesAtLeastOneWord() throws PatternSyntaxError {
        PhrasePattern p = compile("open {case} case");

        assertThat(p.match(words("open case"))).isEmpty();
        assertThat(p.match(words("open miller case")).orElseThrow().slots().get("case")).isEqualTo(new PhrasePattern.Span(1, 2));
    }

    @Test
    void splitsTwoSlotsAtTheWordBetweenThem() throws PatternSyntaxError {
        PhrasePattern p = compile("find [the] {document} (in|for) [the] {case} [case]");

        PhrasePattern.Parse parse = p.match(words("find the medical records in the miller case")).orElseThrow();

        assertThat(parse.slots().get("document")).isEqualTo(new PhrasePattern.Span(2, 4));
        assertThat(parse.slots().get("case")).isEqualTo(new PhrasePattern.Span(6, 7));
        assertThat(parse.literals()).isEqualTo(5);
    }

    @Test
    void nestedGroupsAndMultiWordAlternatives() throws PatternSyntaxError {
        PhrasePattern p = compile("(draft|prepare) [a|an] {template} [using [our|the] [standard] template]");

        assertThat(p.match(words("draft a demand letter using our standard template")).orElseThrow().slots().get("template"))
                .isEqualTo(new PhrasePattern.Span(2, 4));
        assertThat(p.match(words("prepare an answer using the template")).orElseThrow().slots().get("template"))
                .isEqualTo(new PhrasePattern.Span(2, 3));
        assertThat(p.match(words("draft demand letter")).orElseThrow().slots().get("template"))
                .isEqualTo(new PhrasePattern.Span(1, 3));
    }

    @Test
    void literalsAreNormalisedLikeSpeech() throws PatternSyntaxError {
        PhrasePattern p = compile("(What's|where's) [the] {document}");

        assertThat(p.match(words("Where's the police report?"))).isPresent();
        assertThat(p.literalWords()).containsExactlyInAnyOrder("whats", "wheres", "the");
    }

    @Test
    void knowsWhichSlotsAPatternMaySkip() throws PatternSyntaxError {
        PhrasePattern p = compile("find {document} [in {case}]");

        assertThat(p.isSlotOptional("case")).isTrue();
        assertThat(p.isSlotOptional("document")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "(open|pull up [the] {case}; '(' at column 1 is never closed",
            "open [the {case}; '[' at column 6 is never closed",
            "open the] {case}; unexpected ']' at column 9",
            "open | pull up {case}; unexpected '|' at column 6",
            "(open|) {case}; empty alternative in '(' at column 1",
            "(open] {case}; '(' at column 1 is closed by ']'",
            "open {case name}; is not a slot name",
            "open {case; '{' at column 6 is never closed",
            "open } {case}; unexpected '}'",
            "open {case} and {case}; slot {case} appears twice",
            "{case}; without any literal word",
            "[open] {case} [case]; without any literal word",
            "find {document} {case}; slots {document} and {case} can meet",
            "find {document} [for] {case}; slots {document} and {case} can meet",
            "open & {case}; '&' at column 6 has no letter or digit",
            "'  '; the pattern is empty"})
    void rejectsBrokenPatternsWithAReason(String source, String reason) {
        assertThatThrownBy(() -> compile(source)).isInstanceOf(PatternSyntaxError.class).hasMessageContaining(reason);
    }

    @Test
    void aCheckedSlotTakesOnlyTheWordsItsTypeAccepts() throws PatternSyntaxError {
        // {due} accepts only "tomorrow" or "next friday": the check, not the tie-break, decides where {task} ends
        PhrasePattern p = PhrasePattern.compile("remind me to {task} {due}", "due"::equals, slot -> false);
        PhrasePattern.SpanCheck dates = new PhrasePattern.SpanCheck() {
            @Override
            public boolean checks(String slot) {
                return slot.equals("due");
            }

            @Override
            public int weigh(String slot, int start, int end) {
                List<String> w = words("remind me to call him next friday").subList(start, end);
                return w.equals(List.of("next", "friday")) || w.equals(List.of("friday")) ? w.size() : -1;
            }
        };

        PhrasePattern.Parse parse = p.match(words("remind me to call him next friday"), dates).orElseThrow();

        assertThat(parse.slots().get("task")).isEqualTo(new PhrasePattern.Span(3, 5));
        assertThat(parse.slots().get("due")).isEqualTo(new PhrasePattern.Span(5, 7));
        assertThat(parse.literals()).isEqualTo(5); // three literal words and the two words of the date
        assertThat(p.match(words("remind me to call him"), dates)).isEmpty();
    }

    @Test
    void aSlotMayEndWithWordsItKeepsOrBeSaidInPieces() throws PatternSyntaxError {
        PhrasePattern p = PhrasePattern.compile("[the] {event} in {case} {event = was (served|filed)} today",
                slot -> false, "event"::equals);

        PhrasePattern.Parse parse = p.match(words("the complaint in miller was served today")).orElseThrow();

        assertThat(parse.pieces().get("event")).containsExactly(new PhrasePattern.Span(1, 2), new PhrasePattern.Span(4, 6));
        assertThat(parse.slots().get("case")).isEqualTo(new PhrasePattern.Span(3, 4));
        assertThat(p.isSlotOptional("event")).isFalse();

        PhrasePattern tail = PhrasePattern.compile("[the] {event: was served} today", slot -> false, slot -> false);
        assertThat(tail.match(words("the answer was served today")).orElseThrow().slots().get("event"))
                .isEqualTo(new PhrasePattern.Span(1, 4));
        assertThat(tail.match(words("the was served today"))).isPresent(); // "the" is free when nothing else is
        assertThat(tail.match(words("was served today"))).isEmpty();
    }

    @Test
    void aSlotThatIsNotFreeTextMayNotBeRepeated() {
        assertThatThrownBy(() -> PhrasePattern.compile("open {case} and {case}", slot -> false, "event"::equals))
                .isInstanceOf(PatternSyntaxError.class).hasMessageContaining("slot {case} appears twice");
    }
}
