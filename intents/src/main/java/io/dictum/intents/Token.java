package io.dictum.intents;

/**
 * One spoken word: {@code text} is what patterns compare against (lower case, no punctuation), {@code surface} is the
 * word as it was written, kept so that free-text slots such as a note or a name keep their capitals.
 */
record Token(String text, String surface) {
}
