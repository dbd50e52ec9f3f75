package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentCatalogueTest {

    @TempDir
    Path dir;

    private Path firmFile(String yaml) throws IOException {
        Path file = dir.resolve("firm-catalogue.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Interpretation interpret(IntentCatalogue catalogue, String text) {
        return new IntentRouter(catalogue, FakeCaseResolver.firm())
                .interpret(new Utterance(text, Optional.empty(), ZonedDateTime.now()));
    }

    @Test
    void theBundledCatalogueCoversTheCoreIntents() {
        IntentCatalogue catalogue = IntentCatalogue.defaults();

        assertThat(catalogue.intents()).contains(Intent.OPEN_CASE, Intent.FIND_DOCUMENT, Intent.HELP, Intent.CANCEL)
                .doesNotContain(Intent.UNKNOWN);
        assertThat(catalogue.sources()).containsExactly(IntentCatalogue.DEFAULT_SOURCE);
        assertThat(catalogue.caseResolution().minScore()).isEqualTo(0.55);
        assertThat(catalogue.caseResolution().margin()).isEqualTo(0.12);
        assertThat(catalogue.caseResolution().ignoreWords()).contains("the", "case", "matter", "file");
    }

    @Test
    void aFirmFileAddsAPhraseWithoutCode() throws IOException {
        assertThat(interpret(IntentCatalogue.defaults(), "hop into Miller").intent()).isEqualTo(Intent.UNKNOWN);

        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                intents:
                  open_case:
                    patterns:
                      - "hop into {case}"
                """));

        Interpretation i = interpret(catalogue, "hop into Miller");
        assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
        assertThat(i.slots()).containsEntry("case", "case-miller");
        assertThat(catalogue.patterns(Intent.OPEN_CASE)).contains("hop into {case}")
                .containsAll(IntentCatalogue.defaults().patterns(Intent.OPEN_CASE));
        assertThat(catalogue.sources()).hasSize(2);
        // the firm's pattern has no [the] or [case]: the case nouns are still dropped before the look-up
        assertThat(interpret(catalogue, "hop into the Miller case").slots()).containsEntry("case", "case-miller");
    }

    @Test
    void aFirmFileAddsDocumentSynonymsAndFillers() throws IOException {
        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                fillers:
                  anywhere: [basically]
                documents:
                  kinds:
                    police report: [collision report]
                    hipaa authorization: [medical release]
                """));

        assertThat(interpret(catalogue, "find the collision report").slots()).containsEntry("document", "police report");
        assertThat(interpret(catalogue, "basically find the medical release").slots())
                .containsEntry("document", "hipaa authorization");
        assertThat(interpret(catalogue, "find the crash report").slots()).containsEntry("document", "police report");
    }

    @Test
    void aVocabularyPatternReadsOnlyDocumentKindsTheVocabularyKnows() throws IOException {
        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                intents:
                  find_document:
                    vocabularyPatterns:
                      - "fish out [the] {document}"
                """));

        assertThat(interpret(catalogue, "fish out the crash report").intent()).isEqualTo(Intent.FIND_DOCUMENT);
        assertThat(interpret(catalogue, "fish out the crash report").slots()).containsEntry("document", "police report");
        assertThat(interpret(catalogue, "fish out the old blue folder").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(catalogue.patterns(Intent.FIND_DOCUMENT)).contains("fish out [the] {document}");
        // the bundled loose verbs follow the same rule
        assertThat(interpret(IntentCatalogue.defaults(), "grab the engagement letter").intent())
                .isEqualTo(Intent.FIND_DOCUMENT);
        assertThat(interpret(IntentCatalogue.defaults(), "i need coffee").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(interpret(IntentCatalogue.defaults(), "draft day is next week").intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void aVocabularyPatternWithoutADocumentOrCaseSlotIsRejected() throws IOException {
        Path file = firmFile("""
                intents:
                  dictate_note:
                    vocabularyPatterns:
                      - "fish out {text}"
                """);
        assertRefused(file)
                .hasMessageContaining("fish out {text}").hasMessageContaining("no document or case slot");
    }

    @Test
    void aFirmFileAddsSpokenFormsAndPatternsAreWrittenInFullWords() throws IOException {
        assertThat(interpret(IntentCatalogue.defaults(), "pullup the Miller case").intent()).isEqualTo(Intent.UNKNOWN);
        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                spokenForms:
                  pullup: pull up
                """));
        assertThat(interpret(catalogue, "pullup the Miller case").slots()).containsEntry("case", "case-miller");
        // several words said for others; a note keeps what was said
        IntentCatalogue phrases = IntentCatalogue.load(firmFile("""
                spokenForms:
                  bring on up: pull up
                """));
        assertThat(interpret(phrases, "bring on up the Miller case").slots()).containsEntry("case", "case-miller");
        assertThat(interpret(phrases, "take a note bring on up the witness").slots())
                .containsEntry("text", "bring on up the witness");

        Path spokenFormInAPattern = firmFile("""
                intents:
                  open_case:
                    patterns:
                      - "gimme [the] {case} case"
                """);
        assertRefused(spokenFormInAPattern)
                .hasMessageContaining("'gimme' is a spoken form");
    }

    @Test
    void aFirmFileTunesTheResolutionThresholds() throws IOException {
        IntentCatalogue strict = IntentCatalogue.load(firmFile("""
                caseResolution:
                  minScore: 0.9
                """));

        // the fake index scores "middle or" 0.71 for Miller: settled by default, noise for this firm
        assertThat(interpret(IntentCatalogue.defaults(), "open the middle or case").slots())
                .containsEntry("case", "case-miller");
        Interpretation i = interpret(strict, "open the middle or case");
        assertThat(i.slots()).doesNotContainKey("case");
        assertThat(i.unresolved()).containsKey("case");
        assertThat(strict.caseResolution().margin()).isEqualTo(0.12); // what the firm did not set is kept
    }

    @Test
    void aFirmFileAddsTheWordsThatJoinACaseToAPhrase() throws IOException {
        assertThat(IntentCatalogue.defaults().caseResolution().joinsFor(Intent.FIND_DOCUMENT, SlotType.DOCUMENT))
                .containsExactlyInAnyOrder("in", "on", "for", "from");
        assertThat(IntentCatalogue.defaults().caseResolution().joinsFor(Intent.DICTATE_NOTE, SlotType.TEXT)).isEmpty();
        assertThat(interpret(IntentCatalogue.defaults(), "find the police report under Miller").slots())
                .doesNotContainKey("case");

        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                caseResolution:
                  joins:
                    document: [under]
                  textJoins:
                    dictate_note: [re]
                """));

        Interpretation document = interpret(catalogue, "find the police report under Miller");
        assertThat(document.slots()).containsEntry("document", "police report").containsEntry("case", "case-miller");
        Interpretation note = interpret(catalogue, "take a note the adjuster called back re Miller");
        assertThat(note.slots()).containsEntry("text", "the adjuster called back").containsEntry("case", "case-miller");
        // the bundled joins are kept beside the firm's
        assertThat(interpret(catalogue, "find the police report in Miller").slots()).containsEntry("case", "case-miller");
    }

    @Test
    void aFirmFileAddsTheNounsAfterWhichOneWordDescribesTheMatter() throws IOException {
        String said = "create a case for Jane Doe she has malpractice claims";
        assertThat(IntentCatalogue.defaults().vocabularies().matterNouns()).contains("case", "claim", "dispute");
        assertThat(interpret(IntentCatalogue.defaults(), said).slots()).containsEntry("client", "Jane Doe")
                .doesNotContainKey("matterType");

        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                vocabularies:
                  matterNouns: [claims]
                """));

        assertThat(interpret(catalogue, said).slots()).containsEntry("client", "Jane Doe")
                .containsEntry("matterType", "medical_malpractice");
        assertThat(catalogue.vocabularies().matterNouns()).contains("claims", "case"); // the bundled nouns are kept
        assertRefused(firmFile("""
                vocabularies:
                  matterNouns: [civil action]
                """))
                .hasMessageContaining("vocabularies.matterNouns must list single words");
    }

    @Test
    void rejectsAJoinThatIsNoSingleWordOrJoinsNothing() throws IOException {
        assertRefused(firmFile("""
                caseResolution:
                  joins:
                    document: [in the]
                """))
                .hasMessageContaining("caseResolution.joins.document must list single words");
        assertRefused(firmFile("""
                caseResolution:
                  joins:
                    date: [in]
                """))
                .hasMessageContaining("caseResolution.joins.date");
        assertRefused(firmFile("""
                caseResolution:
                  textJoins:
                    open_case: [in]
                """))
                .hasMessageContaining("caseResolution.textJoins.open_case").hasMessageContaining("text slot");
        assertRefused(firmFile("""
                caseResolution:
                  textJoins:
                    open_the_case: [in]
                """))
                .hasMessageContaining("unknown intent 'open_the_case'");
        assertRefused(firmFile("""
                caseResolution:
                  textFront: [open_case]
                """))
                .hasMessageContaining("caseResolution.textFront: open_case").hasMessageContaining("text slot");
        assertRefused(firmFile("""
                needs:
                  participles:
                    opened: ""
                """))
                .hasMessageContaining("needs.participles");
    }

    @Test
    void aFirmFileCanPreferDocumentsForPhrasesNobodyKnows() throws IOException {
        // equally specific readings are ranked by their slot factors, so this order is the firm's to choose
        IntentCatalogue documentsFirst = IntentCatalogue.load(firmFile("""
                confidence:
                  freeTextDocument: 0.9
                """));

        assertThat(interpret(IntentCatalogue.defaults(), "pull up Zebulon").intent()).isEqualTo(Intent.OPEN_CASE);
        Interpretation i = interpret(documentsFirst, "pull up Zebulon");
        assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
        assertThat(i.slots()).containsEntry("document", "zebulon");
    }

    @Test
    void aBrokenPatternNamesTheFileTheIntentAndThePattern() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    patterns:
                      - "(open|pull up [the] {case}"
                """);

        assertRefused(file)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("intent open_case")
                .hasMessageContaining("\"(open|pull up [the] {case}\"")
                .hasMessageContaining("'(' at column 1 is never closed");
    }

    @Test
    void rejectsAnUndeclaredSlot() throws IOException {
        Path file = firmFile("""
                intents:
                  find_document:
                    patterns: ["fetch {doc}"]
                """);

        assertRefused(file)
                .hasMessageContaining("intent find_document").hasMessageContaining("slot {doc} is not declared");
    }

    @Test
    void rejectsSlotsWithNothingBetweenThem() throws IOException {
        Path file = firmFile("""
                intents:
                  find_document:
                    patterns: ["fetch {document} [in] {case}"]
                """);

        assertRefused(file)
                .hasMessageContaining("slots {document} and {case} can meet with no required word between them");
    }

    @Test
    void rejectsAPatternThatWouldMatchAnything() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    patterns: ["[open] {case}"]
                """);

        assertRefused(file)
                .hasMessageContaining("without any literal word");
    }

    @Test
    void rejectsAPatternThatCanSkipARequiredSlot() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    patterns: ["open [{case}]"]
                """);

        assertRefused(file)
                .hasMessageContaining("slot {case} is required");
    }

    @Test
    void rejectsALiteralThatIsAlwaysRemovedAsAFiller() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    patterns: ["please open {case}"]
                """);

        assertRefused(file)
                .hasMessageContaining("'please' is a filler");
    }

    @Test
    void aFirmFileAddsCuesAndACueSaysOneIntentOnly() throws IOException {
        Path added = firmFile("""
                intents:
                  list_deadlines:
                    cues: [what's looming]
                """);
        assertThat(IntentCatalogue.load(added).definitions().get(Intent.LIST_DEADLINES).cues())
                .contains(java.util.List.of("whats", "looming"));

        Path twice = firmFile("""
                intents:
                  time_summary:
                    cues: [deadlines]
                """);
        assertRefused(twice).hasMessageContaining("cue \"deadlines\" is listed for both list_deadlines and time_summary");
    }

    @Test
    void rejectsACueThatIsNeverHeard() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    cues: [please open]
                """);

        assertRefused(file).hasMessageContaining("cue \"please open\": 'please' is a filler or a spoken form");
    }

    @Test
    void rejectsAnUnknownIntent() throws IOException {
        Path file = firmFile("""
                intents:
                  open_cases:
                    patterns: ["bring up {case}"]
                """);

        assertRefused(file)
                .hasMessageContaining(file.toString()).hasMessageContaining("unknown intent 'open_cases'")
                .hasMessageContaining("open_case,");
    }

    @Test
    void rejectsPatternsForUnknown() throws IOException {
        Path file = firmFile("""
                intents:
                  unknown:
                    patterns: ["blah {text}"]
                """);

        assertRefused(file)
                .hasMessageContaining("intent unknown takes no patterns");
    }

    @Test
    void rejectsAnUnknownSlotType() throws IOException {
        Path file = firmFile("""
                intents:
                  create_task:
                    slots:
                      due: weekday
                    patterns: ["remind me {due}"]
                """);

        assertRefused(file)
                .hasMessageContaining("intent create_task, slot due").hasMessageContaining("unknown type 'weekday'")
                .hasMessageContaining("date").hasMessageContaining("duration");
    }

    @Test
    void rejectsAMisspelledKeyWithItsPlace() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    pattern: ["bring up {case}"]
                """);

        assertRefused(file)
                .hasMessageContaining(file.toString()).hasMessageContaining("intents.open_case.pattern");
    }

    @Test
    void rejectsAThresholdOutOfRange() throws IOException {
        Path file = firmFile("""
                caseResolution:
                  minScore: 55
                """);

        assertRefused(file)
                .hasMessageContaining("minScore must be within [0, 1]");
    }

    @Test
    void rejectsASynonymClaimedByTwoKinds() throws IOException {
        Path file = firmFile("""
                documents:
                  kinds:
                    incident report: [crash report]
                """);

        assertRefused(file)
                .hasMessageContaining("'crash report' belongs both to 'police report' and to 'incident report'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        assertRefused(missing)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void anEmptyFirmFileChangesNothing() throws IOException {
        IntentCatalogue catalogue = IntentCatalogue.load(firmFile("# nothing yet\n"));

        assertThat(catalogue.patterns(Intent.OPEN_CASE)).isEqualTo(IntentCatalogue.defaults().patterns(Intent.OPEN_CASE));
    }

    @Test
    void onlyATextSlotDropsPhrasesFromItsFront() throws IOException {
        Path file = firmFile("""
                intents:
                  open_case:
                    slots:
                      case: { type: case, dropFirst: [the new] }
                """);
        assertRefused(file).hasMessageContaining("only a text slot can drop phrases from its front");
    }

    /** Loading the file fails with a catalogue error; the message is checked by the caller. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertThatThrownBy(() -> IntentCatalogue.load(file)).isInstanceOf(CatalogueException.class);
    }
}
