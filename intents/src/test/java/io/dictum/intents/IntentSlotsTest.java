package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The intents that carry dates, times, durations, names, roles and matter types. */
class IntentSlotsTest {

    /** Wednesday 25 November 2026, mid-morning at the firm. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 0, ZoneId.of("America/New_York"));
    private static final IntentCatalogue CATALOGUE = IntentCatalogue.defaults();

    private final IntentRouter router = new IntentRouter(CATALOGUE, FakeCaseResolver.firm());

    private Interpretation interpret(String text) {
        return router.interpret(new Utterance(text, Optional.empty(), NOW));
    }

    @Nested
    class AddEvent {

        @Test
        void schedulesAHearingWithDateAndTime() {
            Interpretation i = interpret("schedule a hearing on March third at ten");

            assertThat(i.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(i.slots()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("event", "hearing", "date", "2027-03-03", "time", "10:00"));
            assertThat(i.isSettled()).isTrue();
        }

        @Test
        void recordsWhatHappenedToday() {
            Interpretation i = interpret("the complaint was served today");

            assertThat(i.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(i.slots()).containsExactlyInAnyOrderEntriesOf(Map.of("event", "complaint served", "date", "2026-11-25"));
        }

        @Test
        void theCaseMayBeSaidInsideTheEvent() {
            Interpretation i = interpret("the complaint in Miller was served today");

            assertThat(i.slots()).containsEntry("event", "complaint served").containsEntry("case", "case-miller")
                    .containsEntry("date", "2026-11-25");
        }

        @Test
        void aTypedCommandReadsLikeASpokenOne() {
            Interpretation i = interpret("Schedule a hearing on March 3rd at 10 a.m.");

            assertThat(i.slots()).containsEntry("date", "2027-03-03").containsEntry("time", "10:00");
        }

        @Test
        void anImpossibleDateIsUnresolvedNeverGuessed() {
            Interpretation impossible = interpret("schedule a hearing on February thirtieth");
            Interpretation possible = interpret("schedule a hearing on February twentieth");

            assertThat(impossible.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(impossible.slots()).containsEntry("event", "hearing").doesNotContainKey("date");
            assertThat(impossible.unresolved()).containsEntry("date", List.of());
            assertThat(impossible.isSettled()).isFalse();
            assertThat(impossible.confidence()).isLessThan(possible.confidence());
            assertThat(possible.slots()).containsEntry("date", "2027-02-20");
        }

        @Test
        void aDocumentNameWithForInItIsNoCaseReference() {
            Interpretation i = interpret("the motion for summary judgment was served today");

            assertThat(i.slots()).containsEntry("event", "motion for summary judgment served");
            assertThat(i.isSettled()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"I was served today", "it was filed yesterday", "we were served on Monday"})
        void anEventIsNotAPronoun(String text) {
            assertThat(interpret(text).intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aContinuanceMovesTheEventToTheNewDate() {
            assertThat(interpret("the hearing was continued to January ninth").slots())
                    .containsEntry("event", "hearing continued").containsEntry("date", "2027-01-09");
        }

        @Test
        void takesTheConversationsCaseWhenNoneIsSpoken() {
            Interpretation i = router.interpret(new Utterance("the answer was filed yesterday", Optional.of("case-42"), NOW));

            assertThat(i.slots()).containsEntry("case", "case-42").containsEntry("date", "2026-11-24");
        }
    }

    @Nested
    class LogTime {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "log thirty minutes on Miller for drafting the motion | 30 | drafting the motion",
                "log point three on Miller for a call with the adjuster | 18 | a call with the adjuster",
                "log an hour and a half on Miller for deposition prep | 90 | deposition prep",
                "log 1.5 hours on Miller for research | 90 | research",
                "bill a quarter hour to the Miller matter for an email | 15 | an email"})
        void logsMinutesOnACaseForAnActivity(String text, String minutes, String description) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(i.slots()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("minutes", minutes, "case", "case-miller", "description", description));
        }

        @Test
        void aNumberWithoutAUnitIsNotLogged() {
            assertThat(interpret("log thirty on Miller").intent()).isEqualTo(Intent.UNKNOWN);
        }
    }

    @Nested
    class Tasks {

        @Test
        void remindsSomeoneToDoSomethingByADay() {
            Interpretation i = interpret("remind Sarah to call the adjuster tomorrow");

            assertThat(i.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(i.slots()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("assignee", "Sarah", "description", "call the adjuster", "due", "2026-11-26"));
        }

        @Test
        void theLongestDateWinsTheWordsAtTheEnd() {
            // "next friday" is one date; the task is not "call him next" due Friday
            Interpretation i = interpret("remind me to call him next friday");

            assertThat(i.slots()).containsEntry("description", "call him").containsEntry("due", "2026-12-04");
        }

        @Test
        void aYearSaidInTwoPartsIsNotCutIntoAYearAndATime() {
            // "twenty twenty" would be a year and "seven" an hour: a lone number weighs nothing as a time
            Interpretation i = interpret("schedule the trial on march second twenty twenty seven");

            assertThat(i.slots()).containsEntry("date", "2027-03-02").doesNotContainKey("time");
            assertThat(interpret("schedule a hearing march second at ten").slots()).containsEntry("time", "10:00");
        }

        @Test
        void aNameIsTitleCasedAndAClauseIsNoName() {
            assertThat(interpret("ask sarah lindqvist to prepare the exhibit list").slots())
                    .containsEntry("assignee", "Sarah Lindqvist");
            assertThat(interpret("remind the team to call me").intent()).isNotEqualTo(Intent.CREATE_TASK);
        }
    }

    @Nested
    class Parties {

        @Test
        void addsOpposingCounselToTheCase() {
            Interpretation i = interpret("add John Doe as opposing counsel on the Miller case");

            assertThat(i.intent()).isEqualTo(Intent.ADD_PARTY);
            assertThat(i.slots()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("name", "John Doe", "role", "opposing_counsel", "case", "case-miller"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"the judge | judge", "an expert witness | expert", "the insurance carrier | insurer",
                "co counsel | co_counsel", "local counsel | co_counsel", "a witness | witness", "the defendant | opposing_party",
                "our client | client", "the court reporter | court_reporter", "the defense expert | expert"})
        void readsRolesFromTheVocabulary(String said, String role) {
            assertThat(interpret("add Mary Smith as " + said).slots()).containsEntry("role", role);
        }

        @Test
        void aStatementAboutAPartyChangesNothingUnlessTheyAreToBeAdded() {
            assertThat(interpret("the defendant is an insurance company").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("Liberty Mutual is the carrier in Miller").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("Liberty Mutual is the carrier in Miller put them on the case").slots())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("name", "Liberty Mutual", "role", "insurer", "case", "case-miller"));
            assertThat(interpret("the judge in Miller is Judge Patricia Olsen add her").slots())
                    .containsEntry("name", "Judge Patricia Olsen").containsEntry("role", "judge");
            assertThat(interpret("add Mary Smith as a friend").intent()).isNotEqualTo(Intent.ADD_PARTY);
        }
    }

    @Nested
    class CreateCase {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "open a new personal injury matter for Jane Doe | personal_injury",
                "open a new PI case for jane doe | personal_injury",
                "open a new slip and fall case for jane doe | personal_injury",
                "create a new divorce matter for jane doe | family",
                "open a new matter for jane doe it's a wrongful termination | employment",
                "new client jane doe med mal | medical_malpractice"})
        void opensAMatterOfAType(String text, String matterType) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.CREATE_CASE);
            assertThat(i.slots()).containsExactlyInAnyOrderEntriesOf(Map.of("client", "Jane Doe", "matterType", matterType));
        }

        @Test
        void theMatterTypeIsOptional() {
            assertThat(interpret("create a new matter for John Smith").slots())
                    .containsExactly(Map.entry("client", "John Smith"));
        }

        @Test
        void openingAnExistingCaseIsNotCreatingOne() {
            assertThat(interpret("open the Miller case").intent()).isEqualTo(Intent.OPEN_CASE);
        }
    }

    @Nested
    class Deadlines {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"what's due this week | 2026-11-23/2026-11-29",
                "any deadlines next week | 2026-11-30/2026-12-06", "what's due today | 2026-11-25/2026-11-25",
                "show me my deadlines for this month | 2026-11-01/2026-11-30"})
        void readsThePeriod(String text, String period) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.LIST_DEADLINES);
            assertThat(i.slots()).containsExactly(Map.entry("period", period));
        }

        @Test
        void listsACasesDeadlines() {
            assertThat(interpret("show deadlines for the Miller case").slots()).containsExactly(Map.entry("case", "case-miller"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"I need to call the adjuster tomorrow", "the weather is nice today", "tomorrow at ten",
            "thirty minutes", "opposing counsel", "next friday", "the hearing went well", "log off", "schedule"})
    void talkWithDatesOrRolesInItIsNoCommand(String text) {
        assertThat(interpret(text).intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Nested
    class FirmVocabulary {

        @TempDir
        Path dir;

        private Path firmFile(String yaml) throws IOException {
            Path file = dir.resolve("firm.yaml");
            Files.writeString(file, yaml);
            return file;
        }

        @Test
        void aFirmAddsMatterTypesAndRoleSynonymsWithoutCode() throws IOException {
            IntentCatalogue catalogue = IntentCatalogue.load(firmFile("""
                    vocabularies:
                      matter_type:
                        immigration: [visa, asylum]
                      role:
                        expert: [accident reconstructionist]
                    """));
            IntentRouter firmRouter = new IntentRouter(catalogue, FakeCaseResolver.firm());

            assertThat(firmRouter.interpret(new Utterance("open a new asylum case for Jane Doe", Optional.empty(), NOW)).slots())
                    .containsEntry("matterType", "immigration");
            assertThat(firmRouter.interpret(new Utterance("add Bob Ray as the accident reconstructionist", Optional.empty(), NOW))
                    .slots()).containsEntry("role", "expert");
            assertThat(interpret("open a new asylum case for Jane Doe").intent()).isNotEqualTo(Intent.CREATE_CASE);
        }

        @Test
        void aPhraseClaimedByTwoValuesIsRejected() throws IOException {
            Path file = firmFile("""
                    vocabularies:
                      matter_type:
                        family: [slip and fall]
                    """);

            assertThatThrownBy(() -> IntentCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("'slip and fall' belongs both to 'personal_injury' and to 'family'");
        }

        @Test
        void aValueMustBeASnakeCaseIdentifier() throws IOException {
            Path file = firmFile("""
                    vocabularies:
                      role:
                        Guardian Ad Litem: [gal]
                    """);

            assertThatThrownBy(() -> IntentCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("'Guardian Ad Litem' is not a snake_case identifier");
        }

        @Test
        void twoFreeSlotsMayStillNotMeetButADateMayMeetText() throws IOException {
            Path broken = firmFile("""
                    intents:
                      create_task:
                        patterns: ["remind {assignee} {description}"]
                    """);
            assertThatThrownBy(() -> IntentCatalogue.load(broken)).isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("slots {assignee} and {description} can meet");

            IntentCatalogue fine = IntentCatalogue.load(firmFile("""
                    intents:
                      create_task:
                        patterns: ["jot down {description} {due}"]
                    """));
            Interpretation i = new IntentRouter(fine, FakeCaseResolver.firm())
                    .interpret(new Utterance("jot down call the court clerk next monday", Optional.empty(), NOW));
            assertThat(i.slots()).containsEntry("description", "call the court clerk").containsEntry("due", "2026-11-30");
        }
    }
}
