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

    /**
     * The words as they were typed in {@code original}, marks between them included ("call w/ David re: inventory",
     * "Dr. Park needs the notes, then"), without what ends the sentence; the words as said when anything between them
     * was dropped (a filler) or they cannot be found in order.
     */
    static String saidAsTyped(String original, List<Token> tokens) {
        int from = 0;
        int start = -1;
        int end = -1;
        int runs = 0;
        for (Token token : tokens) {
            if (token.surface().isEmpty()) {
                continue;
            }
            int at = original.indexOf(token.surface(), from);
            if (at < 0) {
                return said(tokens);
            }
            start = start < 0 ? at : start;
            end = at + token.surface().length();
            from = end;
            runs += wordRuns(token.surface());
        }
        if (start < 0) {
            return said(tokens);
        }
        String typed = original.substring(start, end);
        // every run of letters or digits between the first word and the last is one of these: nothing dropped in
        // between but marks ("f/u w/ clerk", "title search + survey", "Raj asked -- told him")
        return wordRuns(typed) == runs && typed.chars().noneMatch(c -> c == '\n') ? typed : said(tokens);
    }

    private static int wordRuns(String text) {
        int runs = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
            runs += wordChar && !inRun ? 1 : 0;
            inRun = wordChar;
        }
        return runs;
    }

    /** The words as patterns compare them. */
    static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }
}
