package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.intents.semantic.SemanticClassifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The offline paraphrase classifier: what it answers, with whose slots, and what it leaves unknown. */
class SemanticFallbackTest {

    private final SemanticClassifier semantic = IntentEvaluation.semantic();
    private final DemoCaseResolver resolver = new DemoCaseResolver();

    private Optional<Interpretation> read(String text, Optional<String> openCase) {
        return semantic.interpret(new Utterance(text, openCase, IntentEvaluation.REFERENCE), resolver);
    }

    @Test
    void aParaphraseTakesTheIntentAndDictumReadsItsSlots() {
        Interpretation reading = read("i need the police report from miller", Optional.empty()).orElseThrow();

        assertThat(reading.intent()).isEqualTo(Intent.FIND_DOCUMENT);
        assertThat(reading.source()).isEqualTo(InterpretationSource.SEMANTIC);
        assertThat(reading.slots()).containsEntry("document", "police report")
                .containsEntry("case", "case-miller-v-acme-trucking");
        assertThat(reading.confidence()).isGreaterThanOrEqualTo(semantic.policy().threshold());
    }

    @Test
    void anAmbiguousCaseIsLeftForTheUserToChoose() {
        Interpretation reading = read("let me see the johnson case", Optional.empty()).orElseThrow();

        assertThat(reading.intent()).isEqualTo(Intent.OPEN_CASE);
        assertThat(reading.slots()).doesNotContainKey("case");
        assertThat(reading.unresolved().get("case")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theConversationsCaseFillsACaseSlotThatWasNotSaid() {
        Interpretation reading = read("let our client see the police report", Optional.of("case-chen")).orElseThrow();

        assertThat(reading.intent()).isEqualTo(Intent.SHARE_DOCUMENT);
        assertThat(reading.slots()).containsEntry("case", "case-chen");
    }

    @Test
    void aCommandWhoseRequiredWordsCannotBeReadIsNoAnswer() {
        // as close to "create a task" as anything (similarity above 0.9), but a task's description is free text
        // that only a pattern can delimit: no answer rather than a task with invented content
        assertThat(semantic.rank("i need to call the adjuster tomorrow").intents().get(0).intent())
                .isEqualTo(Intent.CREATE_TASK);
        assertThat(read("i need to call the adjuster tomorrow", Optional.empty())).isEmpty();
    }

    @Test
    void aChangingIntentNeedsTheHigherThreshold() {
        // talk that shares its words with "stop tracking my time": near enough for a search, not for a change
        var ranking = semantic.rank("i hate tracking my time");
        assertThat(ranking.intents().get(0).intent()).isEqualTo(Intent.STOP_TIMER);
        assertThat(ranking.intents().get(0).confidence()).isBetween(semantic.policy().threshold(),
                semantic.policy().changingThreshold());
        assertThat(read("i hate tracking my time", Optional.empty())).isEmpty();
    }

    @Test
    void theClassifierHasNotSeenTheEvaluationSet() {
        java.util.Set<String> learnt = new java.util.HashSet<>();
        semantic.policy().phrases().values().forEach(list -> list.forEach(p -> learnt.add(plain(p))));
        IntentCatalogue.defaults().intents().forEach(i -> IntentCatalogue.defaults().examples(i)
                .forEach(p -> learnt.add(plain(p))));
        List<String> seen = IntentEvaluation.examples().stream().filter(e -> e.paraphrase())
                .map(e -> plain(e.text())).filter(learnt::contains).toList();
        assertThat(seen).isEmpty();
    }

    private static String plain(String text) {
        return String.join(" ", SpeechNormaliser.words(text));
    }

    @Test
    void talkFarFromEveryPhraseIsNoAnswer() {
        assertThat(read("what's the capital of france", Optional.empty())).isEmpty();
        assertThat(read("", Optional.empty())).isEmpty();
    }
}
