package io.dictum.intents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One catalogue file as written. Every field may be absent: a firm's file usually holds a few patterns only, and is
 * merged over the bundled one by {@link IntentCatalogue}.
 */
record CatalogueFile(Integer version, Fillers fillers, Map<String, String> spokenForms, Needs needs,
                     CaseResolution caseResolution, Confidence confidence, Documents documents,
                     Vocabularies vocabularies, Persons persons, SlotFirst slotFirst, Map<String, IntentEntry> intents) {

    /**
     * The slot-first reader's words (see {@link SlotFirstReader}); the cues themselves are the intents'.
     * {@code questions}: words a question begins with, after the leading fillers ("did you share the photos"): a
     * question is never read as a request that changes data.
     */
    record SlotFirst(List<String> questions) {
    }

    /**
     * A request said as a need: see {@link NeedPhrasing}. {@code delegatedVerbs}: verbs of a task that may follow the
     * person it is for without "to", when the request begins with one of the {@code delegators} ("have Miguel send
     * the subpoena out"). {@code corrections}: what a speaker says before words that replace some said before them
     * ("no wait"), unless it begins one of {@code notCorrections} ("no details yet"); {@code verbs}: a verb no pattern
     * uses → the verb the patterns use for it ("spin up" → draft);
     * {@code headings}: a heading said or typed first → the request it heads ("note:" → take a note);
     * {@code tagLeads}: by slot type (date, person), what may lead a value typed apart after the request (", due 12/4");
     * {@code appointments}: kinds of appointment scheduled when said bare with their day and time ("Mediation 12/10 at 1pm");
     * {@code afterOpening}: what joins a request said right after opening a case ("open Miller and find the report").
     */
    record Needs(List<String> openers, Map<String, String> participles, Map<String, String> things,
                 List<String> delegators, List<String> delegatedVerbs, List<String> delegatedAfter,
                 Map<String, String> askedAfter,
                 List<String> pointers, List<String> corrections, List<String> notCorrections,
                 Map<String, String> verbs,
                 Map<String, String> headings, Map<String, List<String>> tagLeads, List<String> appointments,
                 List<String> afterOpening) {
    }

    /**
     * Closed value sets: canonical snake_case value → the ways of saying it. {@code eventWords}: a word said short in an
     * event → the word written in the docket ("depo" → deposition). {@code matterNouns}: single words after
     * which one word of the matter-type vocabulary describes the matter ("a malpractice case").
     */
    record Vocabularies(List<String> dropWords, Map<String, List<String>> role,
                        @JsonProperty("matter_type") Map<String, List<String>> matterType, List<String> matterNouns,
                        Map<String, String> eventWords) {
    }

    /**
     * What a person slot accepts: at most {@code maxWords} words, none of them in {@code notNames}; {@code capitals}
     * are said in lower case but written in capitals ("Coastline Roofing LLC").
     */
    record Persons(Integer maxWords, List<String> notNames, List<String> capitals) {
    }

    /**
     * {@code breaks}: words that end a remark said before the request ("I'm off the phone now, stop the timer");
     * {@code remarks}: words that begin one said after it ("... for Keisha Moore, she was fired ...");
     * {@code gerundAfter}: leading phrases after which the request's verb is said as a gerund ("would you mind opening").
     */
    record Fillers(List<String> anywhere, List<String> leading, List<String> trailing, List<String> breaks,
                   List<String> remarks, List<String> gerundAfter) {
    }

    /**
     * {@code joins} by slot type (document, event); {@code textJoins} by intent id; {@code leadingJoins} before a case
     * said ahead of the request ("in Garcia, the judgment was entered"); {@code textFront}: intent ids whose free text may
     * begin with its case ("make a note on Okafor, the landlord ..."), after one of {@code textFrontJoins} or none;
     * {@code neverLast}: words no case reference ends with ("show me the Miller deadlines"); {@code describing}: words
     * that say what a matter is about without naming it ("the Miller crash"); {@code subjectVerbs}: words after a
     * client named at the front of free text that keep the name in it ("note Sarah Miller says ...").
     */
    record CaseResolution(Double minScore, Double margin, Integer candidates, List<String> ignoreWords,
                          List<String> neverFirst, Map<String, List<String>> joins,
                          Map<String, List<String>> textJoins, List<String> leadingJoins, List<String> textFront,
                          List<String> textFrontJoins, List<String> neverLast, List<String> describing,
                          List<String> subjectVerbs) {
    }

    record Confidence(Double matchFloor, Double ambiguousEntity, Double entityNotFound, Double freeTextDocument) {
    }

    record Documents(List<String> dropWords, List<String> neverFirst, List<String> neverLast,
                     Map<String, List<String>> kinds) {
    }

    /**
     * An intent's phrases. {@code vocabularyPatterns} are patterns whose document slots take only a kind of the
     * document vocabulary and whose case slots only words that name one of the firm's cases: for loose verbs ("grab",
     * "I need the", "I'm on") that would otherwise read any talk as a document or a case. {@code cues}: words or short
     * phrases that say the intent once its values are taken out of an utterance no pattern read (see
     * {@link SlotFirstReader}); they add no phrase to the speech list.
     */
    record IntentEntry(Map<String, SlotEntry> slots, List<String> patterns, List<String> vocabularyPatterns,
                       List<String> examples, List<String> cues) {
    }

    /**
     * A slot declaration: either just its type ({@code case: case}) or a map with the type and flags. {@code dropFirst}:
     * for a text slot, phrases said at its front that are not its value ("a new client" before a conflict check's name);
     * {@code endsBefore}: for a text slot, words that end its value when said after its first word (a remark follows).
     */
    record SlotEntry(String type, Boolean optional, Boolean fromContext, List<String> dropFirst,
                     List<String> endsBefore) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        SlotEntry(@JsonProperty("type") String type, @JsonProperty("optional") Boolean optional,
                  @JsonProperty("fromContext") Boolean fromContext, @JsonProperty("dropFirst") List<String> dropFirst,
                  @JsonProperty("endsBefore") List<String> endsBefore) {
            this.type = type;
            this.optional = optional;
            this.fromContext = fromContext;
            this.dropFirst = dropFirst;
            this.endsBefore = endsBefore;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static SlotEntry ofType(String type) {
            return new SlotEntry(type, null, null, null, null);
        }
    }
}
