package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The slot-first reader, asked directly (in the chain it reads only what every other stage left unknown): values
 * first, then the one intent whose cues were said where a request is said, and nothing unless every required slot is
 * read.
 */
class SlotFirstReaderTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:30:00-05:00[America/New_York]");
    private static final String GARCIA = "case-garcia-v-bayview-medical-center";

    private final SlotFirstReader reader = new SlotFirstReader(IntentCatalogue.defaults());
    private final DemoCaseResolver firm = new DemoCaseResolver();

    private Optional<Interpretation> read(String text) {
        return reader.read(new Utterance(text, Optional.empty(), NOW), firm);
    }

    @Test
    void readsTheValuesFirstThenTheIntentTheirCueSays() {
        Interpretation reading = read("i just spent an hour forty on the garcia chart review log that").orElseThrow();

        assertThat(reading.intent()).isEqualTo(Intent.LOG_TIME);
        assertThat(reading.slots()).containsEntry("minutes", "100").containsEntry("case", GARCIA)
                .doesNotContainKey("description"); // free text is never cut by guesswork here
        assertThat(reading.source()).isEqualTo(InterpretationSource.SLOTS);
    }

    @Test
    void aCueAtTheStartReadsToo() {
        assertThat(read("switch me over to the garcia matter")).map(Interpretation::intent).contains(Intent.OPEN_CASE);
    }

    @Test
    void refusesWhenARequiredSlotIsMissing() {
        // "log that" says log_time, but no duration was said
        assertThat(read("the chart review on garcia log that")).isEmpty();
    }

    @Test
    void refusesWhenTwoIntentsHaveAsManyCues() {
        // "switch" says open_case, "deadlines" list_deadlines: two requests, or talk
        assertThat(read("switch me over to garcia and its deadlines")).isEmpty();
    }

    @Test
    void refusesTwoDifferentValuesForOneSlot() {
        assertThat(read("an hour on garcia no ninety minutes log that")).isEmpty();
    }

    @Test
    void leavesTalkAboutAThingAlone() {
        // a cue deep inside the sentence is talk about the photos, not a request to share them
        assertThat(read("i'll share the photos with you after lunch")).isEmpty();
        assertThat(read("the client wants to open a bakery on elm street someday")).isEmpty();
        // a change said last is its cue and a pointer: a negation or a wish is no request
        assertThat(read("i won't share the police report")).isEmpty();
        assertThat(read("the client wants to bill us for two hours")).isEmpty();
        assertThat(read("the photos in garcia share them")).map(Interpretation::intent).contains(Intent.SHARE_DOCUMENT);
    }

    @Test
    void aQuestionOrAnotherPartyMakesNoChange() {
        assertThat(read("share the photos in garcia")).map(Interpretation::intent).contains(Intent.SHARE_DOCUMENT);
        assertThat(read("did you share the photos in garcia")).isEmpty();
        // sharing is with the client: another party named is another request
        assertThat(read("share the photos in garcia with the adjuster")).isEmpty();
    }

    @Test
    void aDocumentKindInsideOtherWordsIsNoDocument() {
        // "medical" alone is a kind of the vocabulary (medicals), but here it is part of who the providers are
        assertThat(read("we'll need a records release for the rivera medical providers draft one")).isEmpty();
    }

    @Test
    void aCaseThatFitsSeveralIsAskedBackAboutOneThatFitsNoneIsNoReading() {
        // "Johnson" fits two of the demo firm's cases: the timer is not started on a guess, the speaker is asked
        Interpretation ambiguous = read("johnson time me").orElseThrow();
        assertThat(ambiguous.intent()).isEqualTo(Intent.START_TIMER);
        assertThat(ambiguous.slots()).doesNotContainKey("case");
        assertThat(ambiguous.unresolved().get("case")).hasSizeGreaterThan(1);
        // a name no case has leaves nothing said that the intent takes
        assertThat(read("zebulon time me")).isEmpty();
    }

    @Test
    void theConversationsCaseFillsOnlyWhatWasNotSaid() {
        Utterance inGarcia = new Utterance("the deposition prep was an hour and a half log it", Optional.of(GARCIA), NOW);
        assertThat(reader.read(inGarcia, firm)).map(Interpretation::slots)
                .contains(Map.of("minutes", "90", "case", GARCIA));
        // with nothing said but the cue, the context alone is no reason to answer
        assertThat(reader.read(new Utterance("log it", Optional.of(GARCIA), NOW), firm)).isEmpty();
    }
}
