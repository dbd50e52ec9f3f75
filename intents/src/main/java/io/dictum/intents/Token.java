package io.dictum.intents;

import java.util.List;

/**
 * One spoken word: {@code text} is what patterns compare against (lower case, no punctuation), {@code surface} is the
 * word as it was written, kept so that free-text slots such as a note or a name keep their capitals.
 */
record Token(String text, String surface) {

    /**
     * The words as said: a spoken form rewritten into several words keeps what was said on its first word and nothing
     * on the others, so a note says "what have we got", not "what do we have".
     */
    static String said(List<Token> tokens) {
        return String.join(" ", tokens.stream().map(Token::surface).filter(s -> !s.isEmpty()).toList());
    }

    /** The words as patterns compare them. */
    static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }
}
