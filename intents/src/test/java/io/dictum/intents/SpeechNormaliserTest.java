package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechNormaliserTest {

    private final SpeechNormaliser normaliser = new SpeechNormaliser(List.of("um", "uh", "please"),
            List.of("hey dictum", "can you", "could you"));

    private List<String> texts(String utterance) {
        return normaliser.tokens(utterance).stream().map(Token::text).toList();
    }

    @Test
    void lowerCasesAndDropsPunctuation() {
        assertThat(texts("Open the Miller case.")).containsExactly("open", "the", "miller", "case");
        assertThat(texts("Johnson v. Acme, please!")).containsExactly("johnson", "v", "acme");
    }

    @Test
    void keepsCaseNumbersAndContractionsWhole() {
        assertThat(texts("open case 2024-CV-0012")).containsExactly("open", "case", "2024-cv-0012");
        assertThat(texts("what's due")).containsExactly("whats", "due");
        assertThat(texts("the U.S. attorney")).containsExactly("the", "us", "attorney");
    }

    @Test
    void keepsDecimalsTypedWithoutTheirZero() {
        assertThat(texts("Log .2 Miller, 1.5 hrs")).containsExactly("log", ".2", "miller", "1.5", "hrs");
    }

    @Test
    void keepsTypedShorthandMarksAsWords() {
        assertThat(texts("call w/ client, meet & confer")).containsExactly("call", "w/", "client", "meet", "&", "confer");
        // inside a word the slash is no shorthand
        assertThat(texts("the w/o prejudice order")).containsExactly("the", "w", "o", "prejudice", "order");
    }

    @Test
    void splitsAUnitTypedOntoItsNumber() {
        assertThat(texts("1.5h Chen, 25m, .5H, 2hrs")).containsExactly("1.5", "hours", "chen", "25", "minutes", ".5",
                "hours", "2", "hours");
    }

    @Test
    void saysOnceAWordSaidAgainAfterAHesitation() {
        assertThat(texts("for um for the Garza family")).containsExactly("for", "the", "garza", "family");
        assertThat(texts("he said that that was served")).containsSubsequence("that", "that");
        assertThat(texts("done. 2 more")).containsExactly("done", "2", "more");
    }

    @Test
    void dropsFillersAnywhereAndRequestsOnlyAtTheStart() {
        assertThat(texts("Hey Dictum, um, could you please open, uh, Miller")).containsExactly("open", "miller");
        assertThat(texts("what can you do")).containsExactly("what", "can", "you", "do");
    }

    @Test
    void dropsTrailingFillersOnlyAtTheEnd() {
        SpeechNormaliser withTrailing = new SpeechNormaliser(List.of("um"), List.of("can you"),
                List.of("for me", "now", "thanks"));
        assertThat(withTrailing.tokens("can you open Delgado for me now, thanks").stream().map(Token::text))
                .containsExactly("open", "delgado");
        assertThat(withTrailing.tokens("log an hour for me on Miller").stream().map(Token::text))
                .containsExactly("log", "an", "hour", "for", "me", "on", "miller");
        assertThat(withTrailing.tokens("thanks").stream().map(Token::text)).isEmpty();
    }

    @Test
    void keepsTheSurfaceFormForFreeText() {
        assertThat(normaliser.tokens("note: Client's O'Brien called").stream().map(Token::surface).toList())
                .containsExactly("note", "Client's", "O'Brien", "called");
    }

    @Test
    void anUtteranceOfFillersIsEmpty() {
        assertThat(texts("um... uh, please")).isEmpty();
        assertThat(texts("")).isEmpty();
    }
}
