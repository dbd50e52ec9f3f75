package io.dictum.speech.dictation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DictationFormatterTest {

    private static String f(String... utterances) {
        return DictationFormatter.format(List.of(utterances));
    }

    @Test
    void spokenPunctuationAndSentenceCapitals() {
        assertThat(f("the client called about the offer period she will accept comma i think period"))
                .isEqualTo("The client called about the offer. She will accept, I think.");
        assertThat(f("did he sign question mark yes exclamation point"))
                .isEqualTo("Did he sign? Yes!");
        assertThat(f("three items colon the lease semicolon the deed semi colon the note period"))
                .isEqualTo("Three items: the lease; the deed; the note.");
    }

    @Test
    void layoutCommands() {
        assertThat(f("the client called about the offer period new paragraph she will accept twenty one thousand"
                + " dollars period"))
                .isEqualTo("The client called about the offer.\n\nShe will accept $21,000.");
        assertThat(f("dear counsel comma new line thank you period")).isEqualTo("Dear counsel,\nThank you.");
        assertThat(f("new paragraph hello")).isEqualTo("Hello");
    }

    @Test
    void quotesAndParentheses() {
        assertThat(f("he said open quote i will pay close quote period"))
                .isEqualTo("He said \"I will pay\".");
        assertThat(f("the defendant open paren acme close paren denies it"))
                .isEqualTo("The defendant (acme) denies it");
        assertThat(f("a well hyphen known rule")).isEqualTo("A well-known rule");
    }

    @Test
    void utterancesJoinIntoOneNote() {
        assertThat(f("the client called period", "she will accept period"))
                .isEqualTo("The client called. She will accept.");
        assertThat(f("the client called", "and left a message period"))
                .isEqualTo("The client called and left a message.");
    }

    @Test
    void scratchThatRemovesTheLastPhrase() {
        assertThat(f("the client called period", "she is angry period", "scratch that", "she will accept period"))
                .isEqualTo("The client called. She will accept.");
        assertThat(f("the client called period", "she is angry scratch that she will accept period"))
                .isEqualTo("The client called. She will accept.");
        assertThat(f("one period", "two period", "three period", "scratch that scratch that", "four period"))
                .isEqualTo("One. Four.");
        assertThat(f("scratch that")).isEmpty();
        assertThat(f("scratch that", "hello")).isEqualTo("Hello");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "twenty one days|21 days",
        "respond within five days|Respond within 5 days",
        "section three|Section 3",
        "under rule twelve b six|Under rule 12 b six",
        "see exhibit two|See exhibit 2",
        "one of the witnesses|One of the witnesses",
        "two thousand five hundred and six pages|2506 pages",
        "twenty one thousand dollars|$21,000",
        "one million two hundred thousand dollars|$1,200,000",
        "fifty thousand claims|50,000 claims",
        "in twenty twenty five|In 2025",
        "in nineteen ninety|In 1990",
        "since twenty nineteen|Since 2019",
        "on march third|On March 3",
        "the twenty first floor|The 21st floor",
        "the second amendment|The second amendment",
        "ten percent|10 percent",
        "at three pm|At 3 pm",
        "zero|Zero",
        "one two three|One two three",
        "a hundred days|A hundred days",
    })
    void numbersAsALegalWriterWritesThem(String spoken, String written) {
        assertThat(DictationFormatter.format(spoken)).isEqualTo(written);
    }

    @Test
    void unknownWordsAndEmptyUtterancesAreIgnored() {
        assertThat(f("", "[unk] hello [unk]", "   ")).isEqualTo("Hello");
        assertThat(f()).isEmpty();
    }
}
