package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dictum.intents.IntentEvaluation.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floors for the evaluation sets (see eval/*.tsv), measured on the whole offline chain (patterns, then the paraphrase
 * classifier); a miss list is printed in the failure message. Each floor is what the chain reaches, less a small
 * margin, so that a change which loses ground fails here. The held-out block is never tuned on: its floors guard the
 * generalisation measured once, not a target; while it is empty (a fresh block not yet written) its checks are
 * skipped, and every other check still runs.
 */
class IntentEvaluationTest {

    private static final IntentEvaluation.Report chain = IntentEvaluation.run(); // one pass serves every check
    private static final IntentEvaluation.Report patterns = IntentEvaluation.run(List.of());

    @Test
    void theSetsAreLargeAndHaveDistractors() {
        assertThat(chain.whole().total()).isGreaterThanOrEqualTo(380);
        assertThat(chain.whole().distractors()).isGreaterThanOrEqualTo(80);
        assertThat(chain.part(Block.PARAPHRASE).total() - chain.part(Block.PARAPHRASE).distractors())
                .isGreaterThanOrEqualTo(40);
        IntentEvaluation.Report development = chain.part(Block.DEVELOPMENT);
        IntentEvaluation.Report formerly = chain.part(Block.FORMERLY_HELD_OUT);
        assertThat(formerly.total() - formerly.distractors()).isGreaterThanOrEqualTo(60);
        assertThat(development.distractors() + formerly.distractors()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void anEmptyHeldOutBlockIsReportedAsSuch() {
        IntentEvaluation.Report empty = new IntentEvaluation.Report(List.of());
        assertThat(IntentEvaluation.format(empty)).isEqualTo("no utterances\n");
        assertThat(empty.intentAccuracy()).isZero();
        assertThat(empty.slotExactMatch()).isZero();
    }

    @Test
    void theWholeSetReachesTheTargets() {
        IntentEvaluation.Report whole = chain.whole();
        assertThat(whole.intentAccuracy()).as(IntentEvaluation.format(whole)).isGreaterThanOrEqualTo(0.98);
        assertThat(whole.slotExactMatch()).as(IntentEvaluation.format(whole)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void thePatternLinesKeepTheirAccuracy() {
        IntentEvaluation.Report lines = chain.part(Block.PATTERN);
        assertThat(lines.intentAccuracy()).as(IntentEvaluation.format(lines)).isGreaterThanOrEqualTo(0.98);
        assertThat(lines.slotExactMatch()).as(IntentEvaluation.format(lines)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void theParaphraseAndDevelopmentBlocksAreRead() {
        IntentEvaluation.Report paraphrases = chain.part(Block.PARAPHRASE);
        assertThat(paraphrases.intentAccuracy()).as(IntentEvaluation.format(paraphrases)).isGreaterThanOrEqualTo(0.95);
        assertThat(paraphrases.slotExactMatch()).as(IntentEvaluation.format(paraphrases)).isGreaterThanOrEqualTo(0.95);
        IntentEvaluation.Report development = chain.part(Block.DEVELOPMENT);
        assertThat(development.intentAccuracy()).as(IntentEvaluation.format(development)).isGreaterThanOrEqualTo(0.96);
        assertThat(development.slotExactMatch()).as(IntentEvaluation.format(development)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theFormerlyHeldOutBlocksKeepWhatReadingThemBought() {
        assertThat(chain.blindBlockCount()).isEqualTo(18);
        // the first three blind blocks never lose ground to work on a later one
        assertReads(chain.blindBlocks(1, 3), 433, 0.972, 0.966);
        assertReads(chain.blindBlocks(4, 4), 175, 0.87, 0.81);
        assertReads(chain.blindBlocks(5, 5), 176, 0.789, 0.70);
        // measured blind at 44.6 % / 21.7 %; 53.7 % / 26.3 % with the slot-first reader, 55.4 % / 28.3 % with the seventh
        // block's mechanisms
        assertReads(chain.blindBlocks(6, 6), 177, 0.54, 0.27);
        // typical speech: measured blind at 89.9 % / 82.5 %, 91.6 % / 84.4 % with the slot-first reader; 96.6 % /
        // 93.5 % once read (a case typed after a dash, joined at the end or said inside the request, headings, a
        // task's person joined, words dropped from the front of a conflict check's name or a search, more kinds)
        assertReads(chain.blindBlocks(7, 7), 179, 0.97, 0.94);
        // a working week in four voices: measured blind at 77.5 % / 56.7 %, 82.1 % / 62.0 % with the seventh block's
        // mechanisms; 84.4 % / 72.0 % once read (a typed heading with its colon, a restart after a correction, whole
        // durations corrected, events written out, a kind with a clause, no case named by a kind, a start timer's
        // activity, a note's case with its own title); 88.4 % / 80.0 % with the ninth block's
        assertReads(chain.blindBlocks(8, 8), 173, 0.88, 0.79);
        // across practice areas, half typed: 87.0 % / 64.3 % at the start of the round that wrote it, 91.4 % / 71.4 %
        // with the seventh and eighth blocks' mechanisms (neither read it); 95.7 % / 83.6 % once read (values typed
        // apart after the request, a heading typed with a dash, the person before a typed colon, ".2" hours, weekdays
        // typed short, a time entry's case off its description's end, a kind "of" someone, "make that")
        assertReads(chain.blindBlocks(9, 9), 162, 0.95, 0.83);
        // interrupted days: measured blind at 77.4 % / 58.0 %, 81.0 % / 63.6 % with the ninth block's mechanisms; 88.1 % /
        // 74.8 % once read (a remark typed apart left out, a matter type or role typed apart, a case named in a remark
        // after the request, more remark and clause words, typed "wk", help typed as a heading, more kinds)
        assertReads(chain.blindBlocks(10, 10), 168, 0.88, 0.74);
        // first weeks and fast hands: measured blind at 65.0 % / 38.1 %, 66.7 % / 40.6 % with the tenth block's
        // mechanisms; 76.8 % / 55.5 % once read (the firm's index finds a case by its client, words that only describe
        // a matter left out of its name, a word said again after a hesitation, an appointment said bare with its day and
        // time, a person typed as a task's heading, units typed onto numbers, more typed short forms); 79.1 % / 58.7 %
        // with the twelfth block's
        assertReads(chain.blindBlocks(11, 11), 177, 0.79, 0.58);
        // hallways and wrap-ups: measured blind at 81.5 % / 64.6 %, 84.8 % / 67.7 % with the eleventh block's
        // mechanisms; 85.4 % / 73.2 % once read (free text kept as typed, a document named with its case's title in front,
        // a letter "to" someone, a period or a restated matter type typed apart, a need said without "I")
        assertReads(chain.blindBlocks(12, 12), 151, 0.85, 0.73);
        // Monday morning: measured blind at 80.7 % / 61.6 %, 80.7 % / 63.4 % with the twelfth block's mechanisms; 85.2 % /
        // 74.1 % once read (a request said after opening a case, a person who "needs to" do a task, "due" before a
        // task's date, a time's description right after it, a conflict check's name after "a ... named", "US v."); 85.2 %
        // / 75.0 % with the fourteenth block's
        assertReads(chain.blindBlocks(13, 13), 135, 0.85, 0.75);
        // intake and month-end: measured blind at 84.6 % / 62.4 %, 84.6 % / 64.0 % with the thirteenth block's
        // mechanisms; 86.6 % / 68.8 % once read (a remark after a conflict check's name, a note for a file the firm does
        // not have asks which case, a given name alone settles no case, months typed short, new matters typed as a
        // heading, a time entry's "for" after its case)
        assertReads(chain.blindBlocks(14, 14), 149, 0.87, 0.68);
        // trial week: measured blind at 79.2 % / 62.0 %, the same with the thirteenth block's mechanisms, 79.2 % / 62.8 %
        // with the fourteenth's; 84.7 % / 75.2 % once read (a known kind after whose it is, "Dr. Park's expert report", a
        // title typed in full, legal shorthand typed, more kinds of appointment said bare, "could you maybe", three
        // labels fixed: a document shared with a client named in full is that client's case's)
        assertReads(chain.blindBlocks(15, 15), 144, 0.84, 0.75);
        // the client side: measured blind at 88.8 % / 62.7 %, 88.8 % / 67.3 % with the thirteenth and fourteenth blocks'
        // mechanisms, 88.8 % / 69.1 % with the fifteenth's; 94.8 % / 87.3 % once read (free text keeps the marks typed
        // between its words, a client named at the front of a note stays its subject, "no" alone corrects a value,
        // remarks before stopping the timer, a possessive client's name, more kinds of document; six labels fixed: a
        // note about a client named in full, or a document shared with one, is that client's case's)
        assertReads(chain.blindBlocks(16, 16), 134, 0.94, 0.87);
        // discovery and depositions: measured blind at 82.9 % / 63.8 %, 83.5 % / 64.5 % with the sixteenth block's
        // mechanisms; 92.1 % / 75.2 % once read (a court reporter's role, an expert said as the defense's, "assign Sarah
        // to ...", "what are the deadlines in ...", the portal sharing any document, "put the ... on <date>", a kind
        // before "that ...", "w/" and "&" typed, more kinds of discovery document; two labels fixed to the sixteenth's
        // conventions)
        assertReads(chain.blindBlocks(17, 17), 164, 0.92, 0.75);
        // Friday close of the week: measured blind at 69.0 % / 53.1 %, the same with the seventeenth block's mechanisms;
        // 89.9 % / 74.5 % once read (formal requests, "would you kindly", "be so good as to", "I should like to"; "please
        // to" said by a speaker whose English is not native; vowels dropped in a hurry, "opn", "strt", "rmd", "lg";
        // "March second twenty twenty seven" read as a day in 2027, no longer March 2, 2020 at seven; "start timer
        // Nguyen drafting"; hearings asked about as deadlines; a remark ending in "called")
        assertReads(chain.blindBlocks(18, 18), 168, 0.89, 0.74);
    }

    /** The lines number {@code total} and read at or above both floors; the misses are listed when they do not. */
    private static void assertReads(IntentEvaluation.Report lines, int total, double intentFloor, double slotFloor) {
        assertThat(lines.total()).isEqualTo(total);
        assertThat(lines.intentAccuracy()).as(IntentEvaluation.format(lines)).isGreaterThanOrEqualTo(intentFloor);
        assertThat(lines.slotExactMatch()).as(IntentEvaluation.format(lines)).isGreaterThanOrEqualTo(slotFloor);
    }

    @Test
    void theHeldOutBlockStaysAboveWhatWasMeasured() {
        IntentEvaluation.Report heldOut = chain.part(Block.HELD_OUT);
        assumeTrue(heldOut.total() > 0, "no held-out utterances");
        assertThat(heldOut.total() - heldOut.distractors()).isGreaterThanOrEqualTo(60);
        assertThat(heldOut.distractors()).isGreaterThanOrEqualTo(20);
        // the nineteenth block, estates, closings and families (five voices, a third typed; disputable lines kept only
        // where two blind labellers agreed): measured blind at 83.0 % / 60.3 % with the code that read the seventeenth
        // block, 83.6 % / 61.0 % with the eighteenth's mechanisms (never read)
        assertThat(heldOut.intentAccuracy()).as(IntentEvaluation.format(heldOut)).isGreaterThanOrEqualTo(0.83);
        assertThat(heldOut.slotExactMatch()).as(IntentEvaluation.format(heldOut)).isGreaterThanOrEqualTo(0.60);
    }

    @Test
    void noDistractorOfAnySetBecomesACommandThatChangesData() {
        assertThat(patterns.changingDistractors()).as(IntentEvaluation.format(patterns)).isEmpty();
        assertThat(chain.changingDistractors()).as(IntentEvaluation.format(chain)).isEmpty();
    }

    @Test
    void theFallbackReadsWhatThePatternsMiss() {
        // the fallback only ever answers what the patterns call unknown: every gain here is its own. The paraphrase
        // block was written for it; on a blind block it never loses ground, and may gain none (the ninth gained none)
        assertThat(chain.part(Block.PARAPHRASE).intentAccuracy()).as(Block.PARAPHRASE.label)
                .isGreaterThan(patterns.part(Block.PARAPHRASE).intentAccuracy());
        assertThat(chain.part(Block.HELD_OUT).intentAccuracy()).as(Block.HELD_OUT.label)
                .isGreaterThanOrEqualTo(patterns.part(Block.HELD_OUT).intentAccuracy());
        assertThat(chain.whole().intentAccuracy()).isGreaterThanOrEqualTo(patterns.whole().intentAccuracy());
    }
}
