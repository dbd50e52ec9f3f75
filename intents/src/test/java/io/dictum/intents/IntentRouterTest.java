package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentRouterTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 3, 9, 30, 0, 0, ZoneId.of("America/New_York"));
    private static final IntentCatalogue CATALOGUE = IntentCatalogue.defaults();

    private final FakeCaseResolver resolver = FakeCaseResolver.firm();
    private final IntentRouter router = new IntentRouter(CATALOGUE, resolver);

    private Interpretation interpret(String text) {
        return router.interpret(new Utterance(text, Optional.empty(), NOW));
    }

    private Interpretation interpretIn(String caseId, String text) {
        return router.interpret(new Utterance(text, Optional.of(caseId), NOW));
    }

    @Nested
    class OpenCase {

        @Test
        void opensTheMillerCase() {
            Interpretation i = interpret("open the Miller case");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsExactly(Map.entry("case", "case-miller"));
            assertThat(i.isSettled()).isTrue();
            assertThat(i.confidence()).isGreaterThanOrEqualTo(0.9);
            assertThat(resolver.queries).contains("miller");
        }

        @Test
        void pullsUpJohnsonVersusAcme() {
            Interpretation i = interpret("pull up Johnson versus Acme");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-johnson");
            assertThat(resolver.queries).contains("johnson versus acme");
        }

        @Test
        void opensBySurnameAlone() {
            Interpretation i = interpret("open Miller");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void goesToTheKowalczykMatter() {
            Interpretation i = interpret("go to the Kowalczyk matter");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-kowalczyk");
            assertThat(resolver.queries).contains("kowalczyk").doesNotContain("the kowalczyk matter");
        }

        @Test
        void opensByCaseNumber() {
            Interpretation i = interpret("open case 2024-CV-0012");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-2024-cv-0012");
            assertThat(resolver.queries).contains("2024-cv-0012");
        }

        @Test
        void passesARecogniserSlipToTheResolverUnchanged() {
            Interpretation i = interpret("open the middle or case");

            assertThat(resolver.queries).contains("middle or");
            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void dropsCaseNounsAndArticlesFromTheReference() {
            Interpretation i = interpret("open the Miller case file");

            assertThat(resolver.queries).contains("miller").doesNotContain("miller case");
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void aReferenceOfOnlyCaseNounsIsNoCaseAtAll() {
            Interpretation i = interpret("go to the case");

            assertThat(resolver.queries).isEmpty();
            assertThat(i.intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void asksForAtMostTheConfiguredNumberOfCandidates() {
            interpret("open the Miller case");

            assertThat(resolver.limits).isNotEmpty().allMatch(limit -> limit == 5);
        }
    }

    @Nested
    class FillersAndBrevity {

        @Test
        void dropsHesitationsAndPoliteness() {
            Interpretation i = interpret("uh open miller please");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void dropsTheWakePhraseAndLeadingRequest() {
            Interpretation i = interpret("Hey Dictum, could you please pull up Johnson versus Acme?");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-johnson");
        }

        @Test
        void acceptsTheCaseBeforeTheVerbWhenTheCaseNounIsSaid() {
            Interpretation i = interpret("Miller case, open it");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void dropsInterjectionsBeforeAndClosingRemarksAfterTheRequest() {
            assertThat(interpret("okay so hold on, pause my time for a sec").intent()).isEqualTo(Intent.PAUSE_TIMER);
            assertThat(interpret("stop the clock please, I'm finished").intent()).isEqualTo(Intent.STOP_TIMER);
            assertThat(interpret("you can stop timing me now").intent()).isEqualTo(Intent.STOP_TIMER);
        }

        @Test
        void readsOneWordSaidForSeveral() {
            Interpretation i = interpret("gimme the Miller matter");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
            assertThat(interpret("where'd we put the police report").slots()).containsEntry("document", "police report");
        }

        @Test
        void takesABareNameAfterALooseVerbOnlyWhenTheFirmHasSuchACase() {
            Interpretation i = interpret("I'm working on Kowalczyk now");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-kowalczyk");
            assertThat(interpret("I'm working on the brief").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("let me see the thing").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("start billing Miller").slots()).containsEntry("case", "case-miller");
            assertThat(interpret("start billing the client").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Miller", "Miller, open it", "open", "the Miller case"})
        void doesNotGuessFromAFragment(String text) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(i.confidence()).isZero();
        }
    }

    @Nested
    class FindDocument {

        @Test
        void takesACaseSaidInsideTheDocumentOrEventPhraseOutOfIt() {
            Interpretation shared = interpret("send the client the settlement agreement in Miller");
            assertThat(shared.intent()).isEqualTo(Intent.SHARE_DOCUMENT);
            assertThat(shared.slots()).containsEntry("document", "settlement agreement").containsEntry("case", "case-miller");

            Interpretation event = interpret("put the Kowalczyk mediation on the calendar for March tenth");
            assertThat(event.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(event.slots()).containsEntry("event", "mediation").containsEntry("case", "case-kowalczyk");

            // only words that settle one case are taken: a document's own "for" stays in its name
            assertThat(interpret("send the client the motion for summary judgment").slots())
                    .containsEntry("document", "motion for summary judgment").doesNotContainKey("case");
            assertThat(interpret("share the letter for Zebulon with the client").slots())
                    .containsEntry("document", "letter for zebulon").doesNotContainKey("case");
            // a fuzzy index may settle "kowalczyk was served" on Kowalczyk: words of no name are never a reference
            FakeCaseResolver fuzzy = FakeCaseResolver.firm().answer("kowalczyk was served", FakeCaseResolver.KOWALCZYK);
            Interpretation served = new IntentRouter(CATALOGUE, fuzzy)
                    .interpret(new Utterance("the complaint in Kowalczyk was served today", Optional.empty(), NOW));
            assertThat(served.slots()).containsEntry("event", "complaint served").containsEntry("case", "case-kowalczyk");
        }

        @Test
        void sharesADocumentNobodyListedOnlyWhenTheClientIsNamedAfterIt() {
            assertThat(interpret("share the Henderson letter with the client").slots())
                    .containsEntry("document", "henderson letter");
            assertThat(interpret("send the client my regards").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("share a cab with opposing counsel").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("send the client the police report").slots()).containsEntry("document", "police report");
        }

        @Test
        void findsThePoliceReportWithoutACase() {
            Interpretation i = interpret("find the police report");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsExactly(Map.entry("document", "police report"));
            assertThat(i.unresolved()).isEmpty(); // the case is optional: not missing, just not said
            assertThat(i.confidence()).isGreaterThanOrEqualTo(0.9);
        }

        @Test
        void takesTheCaseFromTheConversationWhenNoneIsSpoken() {
            Interpretation i = interpretIn("case-kowalczyk", "find the police report");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report").containsEntry("case", "case-kowalczyk");
            assertThat(resolver.queries).isEmpty();
        }

        @Test
        void showsTheMedicalRecordsInTheMillerCase() {
            Interpretation i = interpret("show the medical records in the Miller case");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "medical records").containsEntry("case", "case-miller");
        }

        @Test
        void aSpokenCaseWinsOverTheConversationCase() {
            Interpretation i = interpretIn("case-kowalczyk", "show the medical records in the Miller case");

            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void pullsUpTheEngagementLetterForJohnsonRatherThanOpeningACase() {
            Interpretation i = interpret("pull up the engagement letter for Johnson");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "engagement letter").containsEntry("case", "case-johnson");
            assertThat(i.alternatives()).extracting(Alternative::intent).contains(Intent.OPEN_CASE);
            assertThat(i.alternatives()).allMatch(a -> a.confidence() < i.confidence());
        }

        @Test
        void findsWhereThePoliceReportIs() {
            Interpretation i = interpret("where is the police report");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report");
        }

        @Test
        void aDocumentKindBeatsACaseReadingOfTheSameVerb() {
            Interpretation i = interpret("open the police report");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report");
        }

        @Test
        void aKnownDocumentKindOutranksACaseTheIndexHappensToMatch() {
            // a fuzzy index may well find some case for "police report"; the vocabulary makes the document reading
            // more specific
            resolver.answer("police report", new EntityMatch("case-report", "Report v. Police", 0.9));

            Interpretation i = interpret("open the police report");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.alternatives()).extracting(Alternative::intent).contains(Intent.OPEN_CASE);
        }

        @Test
        void anUnsettledSpokenCaseIsReportedNotReplacedByTheConversationCase() {
            resolver.answer("smith", new EntityMatch("case-smith-1", "Smith v. Jones", 0.80),
                    new EntityMatch("case-smith-2", "Estate of Smith", 0.77));

            Interpretation i = interpretIn("case-kowalczyk", "find the police report in the Smith case");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).doesNotContainKey("case");
            assertThat(i.unresolved().get("case")).extracting(EntityMatch::id)
                    .containsExactly("case-smith-1", "case-smith-2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"find the crash report", "find the police accident report", "find the police reports",
                "get me the Police Report."})
        void normalisesPoliceReportSynonymsAndPlurals(String text) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report");
        }

        @ParameterizedTest
        @ValueSource(strings = {"find the retainer agreement", "where's the retainer letter", "find our engagement letters"})
        void normalisesEngagementLetterSynonyms(String text) {
            assertThat(interpret(text).slots()).containsEntry("document", "engagement letter");
        }

        @Test
        void keepsMedicalRecordsPluralAndMapsTheSingularToIt() {
            assertThat(interpret("find the medical records").slots()).containsEntry("document", "medical records");
            assertThat(interpret("find the medical record").slots()).containsEntry("document", "medical records");
        }

        @Test
        void keepsAnUnknownDocumentAsSpokenWithoutArticlesAndWithLowerConfidence() {
            Interpretation i = interpret("find the Deposition Summaries");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "deposition summaries");
            assertThat(i.confidence()).isLessThan(interpret("find the police report").confidence());
        }
    }

    @Nested
    class HelpAndCancel {

        @ParameterizedTest
        @ValueSource(strings = {"what can I say", "help", "Help me.", "what can you do"})
        void recognisesHelp(String text) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.HELP);
            assertThat(i.slots()).isEmpty();
            assertThat(i.confidence()).isEqualTo(1.0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"never mind", "Never mind.", "cancel", "forget it", "uh, cancel that"})
        void recognisesCancel(String text) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.CANCEL);
            assertThat(i.confidence()).isEqualTo(1.0);
        }
    }

    @Nested
    class CaseSaidAheadOfTheRequest {

        @Test
        void aCaseSaidFirstIsTheRequestsCase() {
            assertThat(interpret("Miller, what's due this week").slots()).containsEntry("case", "case-miller")
                    .containsKey("period");
            Interpretation event = interpret("in Kowalczyk the complaint was served yesterday");
            assertThat(event.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(event.slots()).containsEntry("case", "case-kowalczyk").containsEntry("event", "complaint served");
        }

        @Test
        void aRequestSaidRightAfterOpeningACaseIsOnThatCase() {
            Interpretation i = interpret("open the Miller case and find the police report");
            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report").containsEntry("case", "case-miller");
            assertThat(interpret("pull up Kowalczyk and then start a timer").slots())
                    .containsEntry("case", "case-kowalczyk");
            // what follows the join must be a request of its own: two cases opened at once are no request
            assertThat(interpret("open the Miller case and the Kowalczyk case").slots()).doesNotContainEntry("case",
                    "case-miller");
        }

        @Test
        void aKnownKindSaidAfterWhoseItIsIsThatKind() {
            assertThat(interpret("find Dr. Park's expert report in Miller").slots())
                    .containsEntry("document", "expert report").containsEntry("case", "case-miller");
            assertThat(interpret("where's the court's scheduling order").slots())
                    .containsEntry("document", "scheduling order");
            // an unknown thing keeps its owner: only a known kind stands alone
            assertThat(interpret("find Dr. Park's shopping list").slots())
                    .containsEntry("document", "dr parks shopping list");
        }

        @Test
        void aTitleTypedInFullAfterADashIsTheCase() {
            IntentRouter titled = new IntentRouter(CATALOGUE, FakeCaseResolver.firm().answer("johnson v acme corp",
                    FakeCaseResolver.JOHNSON));
            // four words with its "v.": the join is no name word, so the title fits a case reference
            assertThat(titled.interpret(new Utterance("Draft demand letter - Johnson v. Acme Corp", Optional.empty(),
                    NOW)).slots()).containsEntry("template", "demand letter").containsEntry("case", "case-johnson");
            assertThat(interpret("Draft mtn to continue - Miller").slots())
                    .containsEntry("template", "motion to continue").containsEntry("case", "case-miller");
        }

        @Test
        void aCaseAndADocumentKindAloneAskForTheDocument() {
            Interpretation i = interpret("Miller police report");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report").containsEntry("case", "case-miller");
        }

        @Test
        void firstWordsThatSettleNoCaseOrARequestWithoutACaseChangeNothing() {
            assertThat(interpret("Miller called about the settlement").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("Johnson, stop the timer").slots()).isEmpty();
        }

        @Test
        void aRemarkBeforeTheRequestIsLeftOutAndLendsItsCase() {
            assertThat(interpret("I'm off the phone now stop the timer").intent()).isEqualTo(Intent.STOP_TIMER);
            Interpretation i = interpret("I'm starting on the Miller brief now start the clock");
            assertThat(i.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(i.slots()).containsEntry("case", "case-miller");
            assertThat(interpret("we're done now let's open a bottle of wine").intent()).isEqualTo(Intent.UNKNOWN);
            // fillers are left out of the request too, and a remark lends its case
            assertThat(interpret("okay starting on Miller now can you start my timer").slots())
                    .containsEntry("case", "case-miller");
        }

        @Test
        void aDocumentKindNamesNoCaseFromItsOwnWords() {
            resolver.answer("insurance", new EntityMatch("case-acme-insurance", "Johnson v. Acme Insurance", 0.8));

            Interpretation i = interpret("I need to see the insurance policy");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsExactly(Map.entry("document", "insurance policy"));
        }

        @Test
        void aTaskSaidInACaseIsThatCasesTask() {
            Interpretation i = interpret("remind me to check the docket in Miller");

            assertThat(i.slots()).containsEntry("description", "check the docket").containsEntry("case", "case-miller");
            // a note keeps every word said
            assertThat(interpret("take a note the witness lives in Miller").slots())
                    .containsEntry("text", "the witness lives in Miller");
        }
    }

    @Nested
    class TypedShorthand {

        @Test
        void aCaseTypedAfterADashOrACommaIsTheRequestsCase() {
            Interpretation timer = interpret("Start timer - Miller");
            assertThat(timer.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(timer.slots()).containsEntry("case", "case-miller");

            Interpretation typed = interpret("Find the scheduling order - Kowalczyk");
            assertThat(typed.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(typed.slots()).containsEntry("document", "scheduling order").containsEntry("case", "case-kowalczyk");
            // said without the break, a name after a kind nobody listed may be the document's own
            assertThat(interpret("find the mediation memo kowalczyk").slots())
                    .containsEntry("document", "mediation memo kowalczyk").doesNotContainKey("case");
        }

        @Test
        void valuesTypedApartAfterTheRequestFillItsEmptySlots() {
            Interpretation task = interpret("Task: subpoena the billing records in Miller, due 3/12, assign to Sarah Lindqvist");
            assertThat(task.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(task.slots()).containsEntry("description", "subpoena the billing records")
                    .containsEntry("case", "case-miller").containsEntry("due", "2025-03-12")
                    .containsEntry("assignee", "Sarah Lindqvist");

            Interpretation event = interpret("Schedule a mediation, Kowalczyk, Fri 9:30am");
            assertThat(event.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(event.slots()).containsEntry("event", "mediation").containsEntry("case", "case-kowalczyk")
                    .containsEntry("date", "2025-03-07").containsEntry("time", "09:30");
        }

        @Test
        void theLastPartTypedApartMayBeWhatTheTimeIsFor() {
            Interpretation entry = interpret("Log .2 Miller - email to the adjuster");
            assertThat(entry.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(entry.slots()).containsEntry("minutes", "12").containsEntry("case", "case-miller")
                    .containsEntry("description", "email to the adjuster");

            Interpretation timer = interpret("Start the clock on Kowalczyk - reviewing the bodycam footage");
            assertThat(timer.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(timer.slots()).containsEntry("case", "case-kowalczyk")
                    .containsEntry("activity", "reviewing the bodycam footage");
        }

        @Test
        void theLastPartIsWhatTheTimeIsForEvenWhenAFuzzyIndexTakesItForACase() {
            resolver.answer("reviewing bodycam footage", FakeCaseResolver.MILLER);
            // ... or, with the case said before it, for words of the case's name
            resolver.answer("kowalczyk reviewing footage", FakeCaseResolver.KOWALCZYK);
            assertThat(interpret("Start the clock on Kowalczyk - reviewing the footage").slots())
                    .containsEntry("case", "case-kowalczyk").containsEntry("activity", "reviewing the footage");
            Interpretation timer = interpret("Start the clock on Kowalczyk - reviewing the bodycam footage");
            assertThat(timer.slots()).containsEntry("case", "case-kowalczyk")
                    .containsEntry("activity", "reviewing the bodycam footage");
        }

        @Test
        void aPartTypedApartThatFillsNoEmptySlotIsReadAsTyped() {
            // a note has no date of its own, and its text is already said
            assertThat(interpret("Note: the client called, Friday").slots())
                    .containsEntry("text", "the client called, Friday").doesNotContainKey("date");
            // stopping a timer takes no case
            Interpretation stop = interpret("Stop the timer, Miller");
            assertThat(stop.slots()).doesNotContainKey("case");
        }

        @Test
        void aDayTypedApartIsReadWithTheWordsItCompletes() {
            // "add arraignment" alone asks for nothing; with its day it is an event
            Interpretation event = interpret("Add arraignment, Kowalczyk, Monday 9:30am");
            assertThat(event.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(event.slots()).containsEntry("event", "arraignment").containsEntry("case", "case-kowalczyk")
                    .containsEntry("date", "2025-03-10").containsEntry("time", "09:30");
        }

        @Test
        void aRemarkTypedApartAfterARequestWithoutFreeTextIsLeftOut() {
            Interpretation open = interpret("pls open Kowalczyk - client on line 2");
            assertThat(open.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(open.slots()).containsEntry("case", "case-kowalczyk");
            // a note's words may go on after a comma
            assertThat(interpret("Note: client called, wants to settle").slots())
                    .containsEntry("text", "client called, wants to settle");
        }

        @Test
        void aMatterTypeTypedApartIsTheNewMattersType() {
            Interpretation matter = interpret("New matter: Grace Albright, employment");
            assertThat(matter.intent()).isEqualTo(Intent.CREATE_CASE);
            assertThat(matter.slots()).containsEntry("client", "Grace Albright").containsEntry("matterType", "employment");
        }

        @Test
        void aHeadingMayBeTypedWithADash() {
            Interpretation check = interpret("Run conflicts - Tanya Brooks");
            assertThat(check.intent()).isEqualTo(Intent.CHECK_CONFLICTS);
            assertThat(check.slots()).containsEntry("name", "Tanya Brooks");
        }

        @Test
        void thePersonTypedBeforeAColonIsWhoTheTaskIsFor() {
            Interpretation task = interpret("Task for Tom: mail the notice to creditors");
            assertThat(task.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(task.slots()).containsEntry("assignee", "Tom")
                    .containsEntry("description", "mail the notice to creditors");
        }

        @Test
        void aTimeEntrysCaseIsTakenOffTheEndOfItsDescription() {
            Interpretation entry = interpret("log a tenth for a voicemail to the adjuster in Miller");
            assertThat(entry.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(entry.slots()).containsEntry("minutes", "6").containsEntry("case", "case-miller")
                    .containsEntry("description", "a voicemail to the adjuster");
        }

        @Test
        void aHeadingIsReadAsTheRequestItHeads() {
            Interpretation note = interpret("Note: called Gregory Shaw, left voicemail");
            assertThat(note.intent()).isEqualTo(Intent.DICTATE_NOTE);
            assertThat(note.slots()).containsEntry("text", "called Gregory Shaw, left voicemail");

            Interpretation matter = interpret("New matter: Priya Shah, medical malpractice");
            assertThat(matter.intent()).isEqualTo(Intent.CREATE_CASE);
            assertThat(matter.slots()).containsEntry("client", "Priya Shah").containsEntry("matterType", "medical_malpractice");

            assertThat(interpret("note to self the coffee machine is broken").slots())
                    .containsEntry("text", "the coffee machine is broken"); // the patterns' reading is kept
        }

        @Test
        void aHeadingTypedWithAColonSaysTheRequestEvenWhenTheWordsReadOtherwise() {
            Interpretation typed = interpret("Add event: mediation on Friday, Miller");
            assertThat(typed.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(typed.slots()).containsEntry("event", "mediation").containsEntry("date", "2025-03-07")
                    .containsEntry("case", "case-miller");
            assertThat(interpret("Add deadline: discovery cutoff, Friday, Miller").slots())
                    .containsEntry("event", "discovery cutoff").containsEntry("date", "2025-03-07");
            // said, the words are read as they come
            assertThat(interpret("add deadline discovery cutoff on Friday").slots())
                    .containsEntry("event", "deadline discovery cutoff");
        }

        @Test
        void aCaseJoinedAtTheEndIsTakenWhenTheWholeLeavesItUnread() {
            Interpretation i = interpret("the complaint was served on Acme today in the Miller case");

            assertThat(i.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(i.slots()).containsEntry("case", "case-miller").containsEntry("date", "2025-03-03");
        }

        @Test
        void aCaseSaidInFrontOfWhatIsAskedForIsTheRequestsCase() {
            Interpretation i = interpret("show me the Miller deadlines");

            assertThat(i.intent()).isEqualTo(Intent.LIST_DEADLINES);
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void thePersonATaskIsForIsJoinedToItsWords() {
            Interpretation forSarah = interpret("task for Sarah order the medical records by Friday");
            assertThat(forSarah.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(forSarah.slots()).containsEntry("assignee", "Sarah")
                    .containsEntry("description", "order the medical records").containsEntry("due", "2025-03-07");

            Interpretation tom = interpret("Task: Tom to pull the deed");
            assertThat(tom.slots()).containsEntry("assignee", "Tom").containsEntry("description", "pull the deed");

            // "for the" names nobody: the task's words stay as said
            assertThat(interpret("task for the record call the clerk").slots()).doesNotContainKey("assignee");
        }

        @Test
        void aTimerSaysWhatItIsFor() {
            Interpretation i = interpret("start timing research for the Miller case");
            assertThat(i.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(i.slots()).containsEntry("activity", "research").containsEntry("case", "case-miller");
            assertThat(interpret("start a timer on Kowalczyk for the exhibit list").slots())
                    .containsEntry("activity", "the exhibit list").containsEntry("case", "case-kowalczyk");
            assertThat(interpret("start a timer for the Miller case").slots()).doesNotContainKey("activity");
        }

        @Test
        void wordsInFrontOfATextSlotThatAreNotItsValueAreDropped() {
            assertThat(interpret("check conflicts on a new client Omar Haddad").slots()).containsEntry("name", "Omar Haddad");
            assertThat(interpret("search all cases for statute of limitations").slots())
                    .containsEntry("query", "statute of limitations").doesNotContainKey("case");
            assertThat(interpret("look through everything for dashcam footage").slots())
                    .containsEntry("query", "dashcam footage");
            // never the whole value
            assertThat(interpret("run a conflict check on our client").slots()).containsEntry("name", "our client");
        }

        @Test
        void aPersonTypedAsTheHeadingOfWhatTheyAreToDoIsGivenTheTask() {
            Interpretation task = interpret("Tom - file the exhibits in Miller by 3/14");
            assertThat(task.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(task.slots()).containsEntry("assignee", "Tom").containsEntry("description", "file the exhibits")
                    .containsEntry("case", "case-miller").containsEntry("due", "2025-03-14");
            assertThat(interpret("Sarah -> call the adjuster, EOD").slots()).containsEntry("assignee", "Sarah")
                    .containsEntry("due", "2025-03-03");
            // only with a task's verb: a heading that is a person and a report of what happened gives nobody a task
            assertThat(interpret("Karen Mitchell - called about the depo dates").intent()).isNotEqualTo(Intent.CREATE_TASK);
            // nor does a word that heads a line without naming anyone
            assertThat(interpret("Urgent - file the motion by Friday").intent()).isNotEqualTo(Intent.CREATE_TASK);
        }

        @Test
        void aNumberTypedWithItsUnitGluedOnIsADuration() {
            Interpretation entry = interpret("log 1.5h Miller - depo prep");
            assertThat(entry.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(entry.slots()).containsEntry("minutes", "90").containsEntry("case", "case-miller")
                    .containsEntry("description", "depo prep");
            assertThat(interpret("log .5H on Miller").slots()).containsEntry("minutes", "30");
            assertThat(interpret("log 25m on Kowalczyk").slots()).containsEntry("minutes", "25");
        }

        @Test
        void oneWordTypedApartAfterARequestThatTakesNoCaseIsARemark() {
            assertThat(interpret("Pause timer - lunch").intent()).isEqualTo(Intent.PAUSE_TIMER);
            assertThat(interpret("Conflicts: Northgate Realty LLC").slots()).containsEntry("name", "Northgate Realty LLC");
        }

        @Test
        void freeTextKeepsWhatWasTypedBetweenItsWords() {
            assertThat(interpret("Add a note to Miller: Dr. Park needs the nursing notes, then she'll finalize.").slots())
                    .containsEntry("text", "Dr. Park needs the nursing notes, then she'll finalize");
            assertThat(interpret("Log 90 min to Miller: jail visit w/ client").slots())
                    .containsEntry("description", "jail visit w/ client");
            // marks typed between the words are the writer's: kept, as words split by them are
            assertThat(interpret("Add task: f/u w/ court clerk re bail conditions").slots())
                    .containsEntry("description", "f/u w/ court clerk re bail conditions");
            assertThat(interpret("Note: Raj asked what's missing -- told him title search + survey.").slots())
                    .containsEntry("text", "Raj asked what's missing -- told him title search + survey");
            // a filler dropped in between: the words as said
            assertThat(interpret("take a note the client um called twice").slots())
                    .containsEntry("text", "the client called twice");
        }

        @Test
        void valuesTypedApartMayBeAPeriodOrAMatterTypeSaidAgain() {
            Interpretation due = interpret("Due dates for Miller, next 30 days");
            assertThat(due.intent()).isEqualTo(Intent.LIST_DEADLINES);
            assertThat(due.slots()).containsEntry("case", "case-miller").containsEntry("period", "2025-03-03/2025-04-01");
            assertThat(interpret("What's due, Fri").slots()).containsEntry("period", "2025-03-07/2025-03-07");
            Interpretation matter = interpret("New employment matter for Priya Shah - retaliation claim");
            assertThat(matter.slots()).containsEntry("client", "Priya Shah").containsEntry("matterType", "employment");
        }

        @Test
        void hoursTypedShortWithAPeriodAreTheTimeSummary() {
            Interpretation summary = interpret("Hrs today?");
            assertThat(summary.intent()).isEqualTo(Intent.TIME_SUMMARY);
            assertThat(summary.slots()).containsEntry("period", "2025-03-03/2025-03-03");
            assertThat(interpret("how much time did I bill since 3/1").slots())
                    .containsEntry("period", "2025-03-01/2025-03-03");
        }

        @Test
        void anAppointmentTypedBareWithItsDayAndTimeIsScheduled() {
            Interpretation event = interpret("Mediation 3/10 @ 1:30pm, Miller");
            assertThat(event.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(event.slots()).containsEntry("event", "mediation").containsEntry("date", "2025-03-10")
                    .containsEntry("time", "13:30").containsEntry("case", "case-miller");
            Interpretation first = interpret("Kowalczyk arraignment Mar 5, 9am");
            assertThat(first.slots()).containsEntry("event", "arraignment").containsEntry("case", "case-kowalczyk")
                    .containsEntry("time", "09:00");
            // without its time, or said as what happened, it is talk
            assertThat(interpret("the mediation tomorrow went long").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("mediation tomorrow").intent()).isNotEqualTo(Intent.ADD_EVENT);
        }
    }

    @Nested
    class WordsAroundTheValues {

        @Test
        void aCorrectionReplacesAWholeDuration() {
            Interpretation i = interpret("log an hour and a half on Miller for the deposition prep actually make that"
                    + " two hours");
            assertThat(i.slots()).containsEntry("minutes", "120").containsEntry("description", "the deposition prep");
        }

        @Test
        void aCaseNamedInARemarkAfterTheRequestIsTheRequestsCase() {
            Interpretation i = interpret("any deadlines i should know about in the Kowalczyk case");
            assertThat(i.intent()).isEqualTo(Intent.LIST_DEADLINES);
            assertThat(i.slots()).containsEntry("case", "case-kowalczyk");
        }

        @Test
        void makeThatSaidAloneCorrectsTheValueBeforeIt() {
            Interpretation i = interpret("log point seven on Miller reviewing the lease uh make that point nine");
            assertThat(i.slots()).containsEntry("minutes", "54").containsEntry("description", "reviewing the lease");
        }

        @Test
        void typedShortFillersAreDropped() {
            Interpretation pause = interpret("Pause timer, brb");
            assertThat(pause.intent()).isEqualTo(Intent.PAUSE_TIMER);
            assertThat(interpret("Open the Kowalczyk file pls").slots()).containsEntry("case", "case-kowalczyk");
        }

        @Test
        void aKindOfDocumentSaidWithWhoseItIsIsThatKind() {
            Interpretation i = interpret("find the deposition transcript of officer boyle in Miller");
            assertThat(i.slots()).containsEntry("document", "deposition transcript").containsEntry("case", "case-miller");
            // a single word stays as said: it may begin a document's own name
            assertThat(interpret("find the complaint of the intervenor").slots())
                    .containsEntry("document", "complaint of intervenor");
        }

        @Test
        void wordsBeforeACorrectionThatReadAsNothingAreARestart() {
            Interpretation i = interpret("could you please add a sorry start a timer for the Miller case");

            assertThat(i.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(i.slots()).containsEntry("case", "case-miller");
        }

        @Test
        void anEventIsWrittenAsTheDocketWritesIt() {
            assertThat(interpret("docket the Miller depo on Friday at ten").slots())
                    .containsEntry("event", "deposition").containsEntry("case", "case-miller");
            assertThat(interpret("Docket a response deadline of Friday in Miller.").slots())
                    .containsEntry("event", "response deadline");
            assertThat(interpret("add an event expert disclosures due Friday for Miller").slots())
                    .containsEntry("event", "expert disclosures due");
        }

        @Test
        void aKnownKindOfDocumentSaidWithAClauseIsThatKind() {
            assertThat(interpret("open the demand letter we sent in Miller").slots())
                    .containsEntry("document", "demand letter").containsEntry("case", "case-miller");
        }

        @Test
        void noCaseIsNamedByWordsThatBeginWithAKindOfDocument() {
            Interpretation i = interpret("get me the settlement agreement Miller");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "settlement agreement").containsEntry("case", "case-miller");
        }

        @Test
        void aHeadingWrittenWithItsColonCountsOnlyWhenTyped() {
            assertThat(interpret("Check conflicts: Dana Whitaker.").slots()).containsEntry("name", "Dana Whitaker");
            assertThat(interpret("we have to run conflicts before we sign anybody new").intent())
                    .isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aNoteOnACaseBeginsAfterTheCasesOwnTitle() {
            Interpretation i = interpret("add a note to the Kowalczyk matter the driver logs are missing");

            assertThat(i.slots()).containsEntry("case", "case-kowalczyk").containsEntry("text", "the driver logs are missing");
        }
    }

    @Nested
    class RequestsSaidOtherwise {

        @Test
        void aMatterTypeDescribedAnywhereIsTheNewMattersType() {
            Interpretation i = interpret("create a case for Jerome Wallace he's been charged with assault");
            assertThat(i.intent()).isEqualTo(Intent.CREATE_CASE);
            assertThat(i.slots()).containsEntry("client", "Jerome Wallace").containsEntry("matterType", "criminal_defense");

            Interpretation intake = interpret("new client intake for Marcus Bell slip and fall at a grocery store");
            assertThat(intake.slots()).containsEntry("client", "Marcus Bell").containsEntry("matterType", "personal_injury");
            // a single word describes a matter only when framed as one: a remark's "will" is no estate matter
            assertThat(interpret("new matter for Dana Ross she will call tomorrow").slots()).doesNotContainKey("matterType");
        }

        @Test
        void companyFormsKeepTheirCapitals() {
            assertThat(interpret("new matter for coastline roofing llc").slots())
                    .containsEntry("client", "Coastline Roofing LLC");
        }

        @Test
        void aVerbSaidAsAGerundAfterAPolitePhraseIsTheRequest() {
            assertThat(interpret("would you mind opening the Miller matter").slots()).containsEntry("case", "case-miller");
            assertThat(interpret("would you mind checking conflicts on Acme Insurance").intent())
                    .isEqualTo(Intent.CHECK_CONFLICTS);
            // without the polite phrase a gerund is talk
            assertThat(interpret("booking the flights for the deposition").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aRequestSaidAsANeedIsTheRequest() {
            Interpretation opened = interpret("I need a new matter opened for Priya Raman");
            assertThat(opened.intent()).isEqualTo(Intent.CREATE_CASE);
            assertThat(opened.slots()).containsEntry("client", "Priya Raman");
            // a remark may follow, and may describe the matter
            assertThat(interpret("I need a matter opened for Luis Ortega he was hurt in a car accident").slots())
                    .containsEntry("client", "Luis Ortega").containsEntry("matterType", "personal_injury");
            assertThat(interpret("I need the Miller file open").slots()).containsEntry("case", "case-miller");
            assertThat(interpret("I need a search on dog bite statutes").slots())
                    .containsEntry("query", "dog bite statutes");
            assertThat(interpret("I need a coffee").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("I need the report drafted by tomorrow").intent()).isEqualTo(Intent.UNKNOWN);
            // a thing with something done to it is no person to give a task to
            Interpretation sent = interpret("I want the engagement letter sent to the client");
            assertThat(sent.intent()).isEqualTo(Intent.SHARE_DOCUMENT);
            assertThat(sent.slots()).containsEntry("document", "engagement letter");
        }

        @Test
        void aNoteOrATimeEntryMayBeginWithItsCase() {
            Interpretation note = interpret("make a note on Miller the adjuster won't return calls");
            assertThat(note.slots()).containsEntry("case", "case-miller")
                    .containsEntry("text", "the adjuster won't return calls");
            // words that settle no case stay the note's
            assertThat(interpret("make a note on Friday the court is closed").slots())
                    .containsEntry("text", "on Friday the court is closed").doesNotContainKey("case");
        }

        @Test
        void aRequestThatChangesNothingMayEndARemark() {
            Interpretation i = interpret("before we take this one run conflicts on Jessica Tran");
            assertThat(i.intent()).isEqualTo(Intent.CHECK_CONFLICTS);
            assertThat(i.slots()).containsEntry("name", "Jessica Tran");
            assertThat(interpret("i think sarah already ran conflicts on them last week").intent()).isEqualTo(Intent.UNKNOWN);
            // a request that changes data is never taken from the end of talk
            assertThat(interpret("i told him to stop the timer").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("the paralegal said conflicts on Acme are clear").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aRequestSaidAfterWhatItAsksAboutIsRead() {
            Interpretation i = interpret("the police report in Miller where is it");
            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.slots()).containsEntry("document", "police report").containsEntry("case", "case-miller");
            // a request after talk is taken only when every slot settles
            assertThat(interpret("we need to send them something nice can you draft one").intent())
                    .isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aRequestPointingBackIsReadWithWhatItPointsAt() {
            Interpretation draft = interpret("Miller needs a demand letter can you start one");
            assertThat(draft.intent()).isEqualTo(Intent.DRAFT_DOCUMENT);
            assertThat(draft.slots()).containsEntry("template", "demand letter").containsEntry("case", "case-miller");
            Interpretation open = interpret("Kowalczyk let's open that one");
            assertThat(open.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(open.slots()).containsEntry("case", "case-kowalczyk");
            Interpretation share = interpret("the client wants the police report in Miller can you share it");
            assertThat(share.intent()).isEqualTo(Intent.SHARE_DOCUMENT);
            assertThat(share.slots()).containsEntry("document", "police report").containsEntry("case", "case-miller");
            // what is pointed at must be a name or a known kind of document: talk stays talk
            assertThat(interpret("the window is stuck can you open it").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("my coffee is cold can you start one").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("Miller has a new car can you share it").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aCaseSaidAfterMoreWordsIsTheCaseAfterTheLastJoin() {
            Interpretation i = interpret("draft a subpoena for the records custodian in Miller");
            assertThat(i.intent()).isEqualTo(Intent.DRAFT_DOCUMENT);
            assertThat(i.slots()).containsEntry("template", "subpoena").containsEntry("case", "case-miller");
            assertThat(interpret("open the one against Kowalczyk").slots()).containsEntry("case", "case-kowalczyk");
        }

        @Test
        void aCorrectionTakesThePlaceOfWhatItCorrects() {
            Interpretation draft = interpret("draft a demand letter for Johnson versus Acme no wait for Miller");
            assertThat(draft.intent()).isEqualTo(Intent.DRAFT_DOCUMENT);
            assertThat(draft.slots()).containsEntry("template", "demand letter").containsEntry("case", "case-miller");
            Interpretation log = interpret("log an hour on Miller no make that an hour and ten");
            assertThat(log.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(log.slots()).containsEntry("minutes", "70").containsEntry("case", "case-miller")
                    .doesNotContainKey("description");
            // a correction changes a value, never what is dictated
            Interpretation note = interpret("take a note the client said no wait was needed");
            assertThat(note.intent()).isEqualTo(Intent.DICTATE_NOTE);
            assertThat(note.slots()).containsEntry("text", "the client said no wait was needed");
        }

        @Test
        void noAloneCorrectsAValueButNotWhenItBeginsTalk() {
            Interpretation open = interpret("open the Johnson no the Kowalczyk case");
            assertThat(open.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(open.slots()).containsEntry("case", "case-kowalczyk");
            Interpretation log = interpret("log twenty no twenty five minutes on Miller");
            assertThat(log.slots()).containsEntry("minutes", "25").containsEntry("case", "case-miller");
            // "no details yet" is what the speaker says of the new client, not a new client named "Details Yet"
            Interpretation intake = interpret("open a new case for Desmond Pike no details yet");
            assertThat(intake.slots()).doesNotContainEntry("client", "Details Yet");
        }

        @Test
        void aVerbThePatternsDoNotUseIsReadAsTheOneTheyUse() {
            Interpretation draft = interpret("spin up a demand letter for Miller");
            assertThat(draft.intent()).isEqualTo(Intent.DRAFT_DOCUMENT);
            assertThat(draft.slots()).containsEntry("template", "demand letter").containsEntry("case", "case-miller");
            Interpretation log = interpret("book two hours to the Miller matter");
            assertThat(log.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(log.slots()).containsEntry("minutes", "120").containsEntry("case", "case-miller");
            assertThat(interpret("we need to spin up a new team for the project").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aDateSaidFirstIsTheRequestsDate() {
            Interpretation task = interpret("on Friday remind me to call the adjuster");
            assertThat(task.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(task.slots()).containsEntry("due", "2025-03-07").containsEntry("description", "call the adjuster");
            assertThat(interpret("a week from today remind me to renew the notary commission").slots())
                    .containsEntry("due", "2025-03-10");
            assertThat(interpret("on Friday the judge was in a mood").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aCaseSaidBeforeATimeEntrysDescriptionWithoutAJoinIsTakenOffIt() {
            Interpretation i = interpret("record 1.7 hours to Miller research on sovereign immunity");
            assertThat(i.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(i.slots()).containsEntry("minutes", "102").containsEntry("case", "case-miller")
                    .containsEntry("description", "research on sovereign immunity");
        }

        @Test
        void aCaseNounMayEndWhatIsPointedBackAt() {
            Interpretation i = interpret("the Miller matter let's open that one");
            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
            assertThat(interpret("the matter let's open that one").intent()).isEqualTo(Intent.UNKNOWN);
        }

        @Test
        void aTaskForAPersonMayLeaveOutTo() {
            Interpretation i = interpret("have Miguel send the subpoena out for service in Miller");
            assertThat(i.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(i.slots()).containsEntry("assignee", "Miguel").containsEntry("case", "case-miller")
                    .containsEntry("description", "send the subpoena out for service");
            assertThat(interpret("have lunch with the client").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("we need the heat set up in here").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("have the kids draft their christmas lists").intent()).isEqualTo(Intent.UNKNOWN);
            // the person is named: what people are called is no name
            assertThat(interpret("have kids call me back").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("have clients sign the intake forms").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("have Miguel Ortega call the adjuster").slots()).containsEntry("assignee", "Miguel Ortega");
        }

        @Test
        void aPersonWhoNeedsToDoATaskIsGivenIt() {
            Interpretation i = interpret("Sarah needs to request the records from the hospital in Miller by Friday");
            assertThat(i.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(i.slots()).containsEntry("assignee", "Sarah").containsEntry("case", "case-miller")
                    .containsEntry("description", "request the records from the hospital").containsKey("due");
            // only before a task's verb, and only for someone named
            assertThat(interpret("Sarah needs to relax").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("the client needs to sign the release").intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(interpret("I need to call my mother").intent()).isNotEqualTo(Intent.CREATE_TASK);
        }

        @Test
        void aTasksVerbIsNoPartOfTheCaseItsTextBeginsWith() {
            // the firm's index hears "sarah pull" as Sarah Miller and Officer Boyle, both on Miller
            IntentRouter fuzzy = new IntentRouter(CATALOGUE, FakeCaseResolver.firm().answer("sarah pull",
                    FakeCaseResolver.MILLER));
            Interpretation i = fuzzy.interpret(new Utterance("task sarah pull docket kowalczyk due monday",
                    Optional.empty(), NOW));
            assertThat(i.intent()).isEqualTo(Intent.CREATE_TASK);
            assertThat(i.slots()).doesNotContainEntry("case", FakeCaseResolver.MILLER.id());
        }

        @Test
        void dueLeadsADelegatedTasksDate() {
            Interpretation i = interpret("have Brian draft the opposition in Kowalczyk due December eleventh");
            assertThat(i.slots()).containsEntry("description", "draft the opposition")
                    .containsEntry("case", "case-kowalczyk").containsEntry("due", "2025-12-11");
        }

        @Test
        void anEventAtACaseIsThatCasesAndOnTheBooksIsOnTheCalendar() {
            Interpretation i = interpret("put an inspection of the stairwell at Miller on the books for March tenth");
            assertThat(i.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(i.slots()).containsEntry("event", "inspection of the stairwell").containsEntry("case", "case-miller")
                    .containsEntry("date", "2025-03-10");
            assertThat(interpret("schedule a meeting at the courthouse on Friday").slots())
                    .containsEntry("event", "meeting at the courthouse").doesNotContainKey("case");
        }

        @Test
        void beingServedWithSomethingIsThatThingServed() {
            Interpretation i = interpret("we got served with the discovery requests in Miller yesterday");
            assertThat(i.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(i.slots()).containsEntry("event", "discovery requests served").containsEntry("case", "case-miller");
        }

        @Test
        void aCaseQualifiedByItsKindOfMatterIsThatCase() {
            resolver.answer("miller divorce");
            assertThat(interpret("take me to the Miller divorce").slots()).containsEntry("case", "case-miller");
        }

        @Test
        void wordsThatOnlyDescribeTheMatterAreLeftOutOfItsName() {
            assertThat(interpret("open the Miller crash file").slots()).containsEntry("case", "case-miller");
            // a phrase that ends with a case noun names the matter, never a document
            Interpretation lease = interpret("pull up Miller the lease case");
            assertThat(lease.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(lease.slots()).containsEntry("case", "case-miller");
            assertThat(interpret("pull up the Kowalczyk matter the federal one").slots())
                    .containsEntry("case", "case-kowalczyk");
            assertThat(interpret("where is the trust agreement for um for the Kowalczyk family").slots())
                    .containsEntry("case", "case-kowalczyk").containsEntry("document", "trust agreement");
        }

        @Test
        void helpAskedForWithARequestIsTheRequest() {
            assertThat(interpret("could you help me draft a notice of appearance for Miller").slots())
                    .containsEntry("template", "notice of appearance").containsEntry("case", "case-miller");
            assertThat(interpret("would you be able to open the Kowalczyk file").slots())
                    .containsEntry("case", "case-kowalczyk");
            assertThat(interpret("can you help me").intent()).isEqualTo(Intent.HELP);
        }

        @Test
        void aDocumentNamedWithItsCasesTitleInFrontIsWhatFollows() {
            Interpretation log = interpret("where's the Smith Trucking driver log for Miller");
            assertThat(log.slots()).containsEntry("document", "driver logs").containsEntry("case", "case-miller");
            // a kind the vocabulary knows stays whole, whatever the title holds
            resolver.answer("bayview", new EntityMatch("case-garcia", "Garcia v. Bayview Medical Center", 0.9));
            assertThat(interpret("find the medical records for bayview").slots())
                    .containsEntry("document", "medical records");
        }

        @Test
        void aLetterToSomeoneIsThatKindOfLetter() {
            assertThat(interpret("draft a preservation letter to Smith Trucking on Miller").slots())
                    .containsEntry("template", "preservation letter").containsEntry("case", "case-miller");
        }

        @Test
        void aTimersActivityMayFollowItsCase() {
            Interpretation timer = interpret("clock in on Miller depo prep");
            assertThat(timer.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(timer.slots()).containsEntry("case", "case-miller").containsEntry("activity", "depo prep");
        }
    }

    @Nested
    class CaseResolution {

        @Test
        void twoCloseCandidatesLeaveTheCaseUnresolvedWithBoth() {
            resolver.answer("smith", new EntityMatch("case-smith-1", "Smith v. Jones", 0.80),
                    new EntityMatch("case-smith-2", "Estate of Smith", 0.77));

            Interpretation i = interpret("open the Smith case");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).doesNotContainKey("case");
            assertThat(i.isSettled()).isFalse();
            assertThat(i.unresolved().get("case")).extracting(EntityMatch::id)
                    .containsExactly("case-smith-1", "case-smith-2");
            assertThat(i.confidence()).isLessThan(interpret("open the Miller case").confidence());
        }

        @Test
        void nothingFoundLeavesTheCaseUnresolvedWithNoCandidates() {
            Interpretation i = interpret("open the Zebulon case");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).doesNotContainKey("case");
            assertThat(i.unresolved()).containsEntry("case", List.of());
            assertThat(resolver.queries).contains("zebulon");
        }

        @Test
        void aNameOutsideTheIndexIsStillReadAsACaseNotAsADocument() {
            Interpretation i = interpret("pull up Zebulon");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.unresolved()).containsEntry("case", List.of());
            assertThat(i.alternatives()).extracting(Alternative::intent).contains(Intent.FIND_DOCUMENT);
        }

        @Test
        void notFoundIsLessCertainThanAmbiguous() {
            resolver.answer("smith", new EntityMatch("case-smith-1", "Smith v. Jones", 0.80),
                    new EntityMatch("case-smith-2", "Estate of Smith", 0.77));

            assertThat(interpret("open the Zebulon case").confidence())
                    .isLessThan(interpret("open the Smith case").confidence());
        }

        @Test
        void candidatesBelowTheMinimumScoreAreNoise() {
            resolver.answer("zeller", new EntityMatch("case-miller", "Miller v. Smith Trucking", 0.41),
                    new EntityMatch("case-keller", "Keller v. State", 0.30));

            Interpretation i = interpret("open the Zeller case");

            assertThat(i.unresolved()).containsEntry("case", List.of());
        }

        @Test
        void aSingleCredibleCandidateIsChosenEvenWhenTheNextIsClose() {
            resolver.answer("keller", new EntityMatch("case-keller", "Keller v. State", 0.60),
                    new EntityMatch("case-miller", "Miller v. Smith Trucking", 0.50));

            Interpretation i = interpret("open the Keller case");

            assertThat(i.slots()).containsEntry("case", "case-keller");
            assertThat(i.unresolved()).isEmpty();
        }

        @Test
        void aLeadOfTheMarginSettlesTheChoice() {
            resolver.answer("smith", new EntityMatch("case-smith-1", "Smith v. Jones", 0.82),
                    new EntityMatch("case-smith-2", "Estate of Smith", 0.70));

            assertThat(interpret("open Smith").slots()).containsEntry("case", "case-smith-1");
        }

        @Test
        void aLeadJustUnderTheMarginDoesNot() {
            resolver.answer("smith", new EntityMatch("case-smith-1", "Smith v. Jones", 0.82),
                    new EntityMatch("case-smith-2", "Estate of Smith", 0.71));

            Interpretation i = interpret("open the Smith matter");

            assertThat(i.slots()).doesNotContainKey("case");
            assertThat(i.unresolved().get("case")).hasSize(2);
        }

        @Test
        void onlyCredibleCandidatesAreOffered() {
            resolver.answer("smith", new EntityMatch("case-smith-1", "Smith v. Jones", 0.80),
                    new EntityMatch("case-smith-2", "Estate of Smith", 0.77),
                    new EntityMatch("case-smyth", "Smyth v. Board", 0.40));

            assertThat(interpret("open Smith").unresolved().get("case")).extracting(EntityMatch::id)
                    .containsExactly("case-smith-1", "case-smith-2");
        }

        @Test
        void doesNotTrustTheResolversOrder() {
            resolver.answer("smith", new EntityMatch("case-smith-2", "Estate of Smith", 0.60),
                    new EntityMatch("case-smith-1", "Smith v. Jones", 0.95));

            assertThat(interpret("open Smith").slots()).containsEntry("case", "case-smith-1");
        }
    }

    @Nested
    class Unknown {

        @ParameterizedTest
        @ValueSource(strings = {"the weather is nice today", "I think the jury liked our expert", "", "   ",
                "um, uh", "please", "what's the capital of France"})
        void anUnrelatedSentenceIsUnknownWithNoConfidence(String text) {
            Interpretation i = interpret(text);

            assertThat(i.intent()).isEqualTo(Intent.UNKNOWN);
            assertThat(i.confidence()).isZero();
            assertThat(i.slots()).isEmpty();
            assertThat(i.alternatives()).isEmpty();
            assertThat(resolver.queries).isEmpty();
        }

        @Test
        void whatAnotherRequestAddsIsNeverDocketedAsAnEvent() {
            // "to my notes" and "up a matter" are no events, whatever date is said with them
            assertThat(interpret("add to my notes on the Miller matter opposing counsel wants a call monday").intent())
                    .isNotEqualTo(Intent.ADD_EVENT);
            assertThat(interpret("set up a matter for Kenji Watanabe he got arrested for a dui saturday night").intent())
                    .isEqualTo(Intent.CREATE_CASE);
        }
    }

    @Nested
    class Confidence {

        @Test
        void alternativesAreSortedAndNeverAboveTheChosenReading() {
            // a kind nobody listed: "the mediation memo for Johnson" might also be a case's name
            Interpretation i = interpret("show me the mediation memo for Johnson");

            assertThat(i.intent()).isEqualTo(Intent.FIND_DOCUMENT);
            assertThat(i.alternatives()).isNotEmpty();
            assertThat(i.alternatives()).extracting(Alternative::confidence)
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a))
                    .allMatch(c -> c <= i.confidence());
            assertThat(i.alternatives()).extracting(Alternative::intent).doesNotContain(Intent.FIND_DOCUMENT);
        }

        @Test
        void theMostSpecificPatternWins() {
            // "show me {case}" (open_case) and "show [me] {document}" (find_document) both match every word ("the
            // Miller case" is no document: a document phrase never ends with a case noun)
            Interpretation i = interpret("show me the Miller file");

            assertThat(i.intent()).isEqualTo(Intent.OPEN_CASE);
            assertThat(i.slots()).containsEntry("case", "case-miller");
            assertThat(i.alternatives()).extracting(Alternative::intent).containsExactly(Intent.FIND_DOCUMENT);
        }
    }

    @Nested
    class OtherIntents {

        @Test
        void searchesACase() {
            Interpretation i = interpret("search the Miller file for settlement");

            assertThat(i.intent()).isEqualTo(Intent.SEARCH);
            assertThat(i.slots()).containsEntry("query", "settlement").containsEntry("case", "case-miller");
        }

        @Test
        void keepsANoteAsSpoken() {
            Interpretation i = interpretIn("case-miller", "Take a note: Client called about the offer.");

            assertThat(i.intent()).isEqualTo(Intent.DICTATE_NOTE);
            assertThat(i.slots()).containsEntry("text", "Client called about the offer")
                    .containsEntry("case", "case-miller");
        }

        @Test
        void stopsTheTimerButAPlainStopCancels() {
            assertThat(interpret("stop the timer").intent()).isEqualTo(Intent.STOP_TIMER);
            assertThat(interpret("stop").intent()).isEqualTo(Intent.CANCEL);
        }

        @Test
        void aMonthTypedShortIsThatMonth() {
            assertThat(interpret("List all deadlines for Dec.").slots()).containsEntry("period", "2025-12-01/2025-12-31");
        }

        @Test
        void runsAConflictCheckOnAName() {
            Interpretation i = interpret("run a conflict check on Acme Insurance");

            assertThat(i.intent()).isEqualTo(Intent.CHECK_CONFLICTS);
            assertThat(i.slots()).containsExactly(Map.entry("name", "Acme Insurance"));
        }

        @Test
        void aConflictChecksNameFollowsWhatDescribesItsOwner() {
            // dropFirst's "a ... named" stands for a few words: the fewest that let "named" follow
            assertThat(interpret("conflict check a new prospect named Daniel Whitaker").slots())
                    .containsExactly(Map.entry("name", "Daniel Whitaker"));
            assertThat(interpret("run a conflict check on the other driver called Derek Vance").slots())
                    .containsExactly(Map.entry("name", "Derek Vance"));
            // a name of its own is left whole
            assertThat(interpret("run a conflict check on Named Partners LLC").slots())
                    .containsExactly(Map.entry("name", "Named Partners LLC"));
        }

        @Test
        void aRemarkAfterAConflictChecksNameIsNoPartOfIt() {
            assertThat(interpret("check conflicts on westfield mall management they'd be the other side").slots())
                    .containsExactly(Map.entry("name", "westfield mall management"));
            assertThat(interpret("run a conflict check on victor lopez he's the husband").slots())
                    .containsExactly(Map.entry("name", "victor lopez"));
            // typed with a capital, the word belongs to the name
            assertThat(interpret("run a conflict check on Doctors Who Care").slots())
                    .containsExactly(Map.entry("name", "Doctors Who Care"));
        }

        @Test
        void aNoteForAFileTheFirmDoesNotHaveAsksWhichCase() {
            Interpretation i = interpret("note for the Brooks file the client is still in physical therapy");
            assertThat(i.intent()).isEqualTo(Intent.DICTATE_NOTE);
            assertThat(i.unresolved()).containsKey("case");
            assertThat(i.slots()).containsEntry("text", "the client is still in physical therapy")
                    .doesNotContainKey("case");
            // nor is the note put on the case open instead
            assertThat(interpretIn("case-miller", "note for the Brooks file the client called").slots())
                    .doesNotContainKey("case");
            // said without a join, the file is what the note says
            assertThat(interpret("make a note the Brooks file is closed").slots())
                    .containsEntry("text", "the Brooks file is closed");
        }

        @Test
        void aClientNamedAtTheFrontOfANoteIsItsCaseAndStaysItsSubject() {
            Interpretation said = interpretIn("case-johnson", "make a note Kowalczyk called about the severance");
            assertThat(said.slots()).containsEntry("case", "case-kowalczyk")
                    .containsEntry("text", "Kowalczyk called about the severance");
            // after a join, or before no verb of what the client did, the name is only where the note goes
            assertThat(interpret("make a note on Kowalczyk the employer called").slots())
                    .containsEntry("case", "case-kowalczyk").containsEntry("text", "the employer called");
            assertThat(interpret("note on the Miller truck case her daughter called").slots())
                    .containsEntry("case", "case-miller").containsEntry("text", "her daughter called");
        }

        @Test
        void formalAndHurriedRequestsAreTheRequest() {
            assertThat(interpret("would you kindly bring up the Miller case").slots()).containsEntry("case", "case-miller");
            assertThat(interpret("please to open the Miller case").slots()).containsEntry("case", "case-miller");
            assertThat(interpret("opn miller").slots()).containsEntry("case", "case-miller");
            Interpretation timer = interpret("strt timer miller drafting");
            assertThat(timer.intent()).isEqualTo(Intent.START_TIMER);
            assertThat(timer.slots()).containsEntry("case", "case-miller").containsEntry("activity", "drafting");
        }

        @Test
        void typedShorthandSaysWhatItStandsFor() {
            Interpretation i = interpret("Meet & confer w/ opposing counsel 12/1 2pm - Miller");
            assertThat(i.intent()).isEqualTo(Intent.ADD_EVENT);
            assertThat(i.slots()).containsEntry("event", "meet and confer with opposing counsel")
                    .containsEntry("case", "case-miller");
            // a kind followed by a relative clause is that kind
            assertThat(interpret("where's the privilege log that Mitchell sent us").slots())
                    .containsExactly(Map.entry("document", "privilege log"));
        }

        @Test
        void aNewMatterTypedAsAHeading() {
            Interpretation i = interpret("Create new matter: Harold Becker, employment (wrongful termination).");
            assertThat(i.intent()).isEqualTo(Intent.CREATE_CASE);
            assertThat(i.slots()).containsEntry("client", "Harold Becker").containsEntry("matterType", "employment");
            assertThat(interpret("Intake: new contract matter for Sunrise Bakery LLC - vendor dispute.").slots())
                    .containsEntry("client", "Sunrise Bakery LLC").containsEntry("matterType", "contract");
        }

        @Test
        void aTimeEntrysDescriptionMayFollowItsTime() {
            Interpretation i = interpret("log ten minutes Miller email to client");
            assertThat(i.intent()).isEqualTo(Intent.LOG_TIME);
            assertThat(i.slots()).containsEntry("minutes", "10").containsEntry("case", "case-miller")
                    .containsEntry("description", "email to client");
            assertThat(interpret("log half an hour drafting the motion").slots())
                    .containsEntry("description", "drafting the motion").doesNotContainKey("case");
        }
    }

    @Test
    void everyCatalogueExampleReadsAsItsIntent() {
        IntentRouter permissive = new IntentRouter(CATALOGUE,
                (reference, limit) -> List.of(new EntityMatch("case-" + reference.replace(' ', '-'), reference, 0.9)));
        for (Intent intent : CATALOGUE.intents()) {
            assertThat(CATALOGUE.examples(intent)).as("examples of %s", intent.id()).isNotEmpty();
            for (String example : CATALOGUE.examples(intent)) {
                Interpretation i = permissive.interpret(new Utterance(example, Optional.empty(), NOW));
                assertThat(i.intent()).as("\"%s\"", example).isEqualTo(intent);
                assertThat(i.isSettled()).as("\"%s\" settled", example).isTrue();
            }
        }
    }
}
