package io.dictum.intents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an utterance into the tokens that patterns are matched against. Pattern literals go through the same
 * {@link #words} function, so "what's" in a pattern and "What's" from the recogniser meet as "whats".
 */
final class SpeechNormaliser {

    /**
     * A word is a run of letters and digits; an apostrophe, hyphen or period between two such runs stays inside the
     * word so that case numbers ("2024-CV-0012"), contractions, "U.S." and decimals ("1.5") survive as one token;
     * digits joined by a colon or slash ("10:30", "3/15", "10:30am") are one token too, and so are decimals typed
     * without their zero (".2", as hours are typed). "w/" and "&" are words as typed shorthand ("call w/ client", "meet
     * & confer"), for the catalogue's spoken forms to say.
     */
    private static final Pattern WORD = Pattern.compile(
            "\\d+(?:[:/]\\d+)+(?:am|pm|AM|PM)?|(?<![\\p{L}\\p{N}])\\.\\d+(?i:hrs|hr|h|mins|min|m)?(?![\\p{L}.])"
                    + "|(?<![\\p{L}\\p{N}])(?i:w/)(?![\\p{L}\\p{N}])|&"
                    + "|[\\p{L}\\p{N}]+(?:['’.\\-][\\p{L}\\p{N}]+)*");
    /** A period that is not a decimal point: "u.s." loses its periods, "1.5" and ".2" keep their own. */
    private static final Pattern NON_DECIMAL_PERIOD = Pattern.compile("(?<=\\D)\\.|\\.(?!\\d)");

    /** A number typed with its unit glued on: "1.5h", "25m", "30min", "2hrs". */
    private static final Pattern GLUED_UNIT = Pattern.compile("(\\d*\\.?\\d+)(h|hr|hrs|m|min|mins)");
    private static final Map<String, String> UNITS = Map.of("h", "hours", "hr", "hours", "hrs", "hours", "m", "minutes",
            "min", "minutes", "mins", "minutes");

    private final List<List<String>> anywhere;
    private final List<List<String>> leading;
    private final List<List<String>> trailing;
    /** One word said for several ("gimme" → give me), rewritten before fillers are dropped. */
    private final Map<String, List<String>> spokenForms;
    /** Several words said for others ("what have we got" → what do we have), longest first, rewritten likewise. */
    private final List<Map.Entry<List<String>, List<String>>> spokenPhrases;

    /**
     * @param anywhere filler phrases dropped wherever they occur ("um", "please")
     * @param leading  filler phrases dropped only at the start ("can you"), so that "what can you do" keeps its words
     */
    SpeechNormaliser(List<String> anywhere, List<String> leading) {
        this(anywhere, leading, List.of());
    }

    /**
     * @param trailing filler phrases dropped only at the end ("for me", "thanks"), so that "log an hour for me on
     *                 Miller" keeps its words
     */
    SpeechNormaliser(List<String> anywhere, List<String> leading, List<String> trailing) {
        this(anywhere, leading, trailing, Map.of());
    }

    /**
     * @param spokenForms a word as said → the words it stands for ("gimme" → "give me", "whered" → "where did"), so
     *                    that patterns are written once, in full words
     */
    SpeechNormaliser(List<String> anywhere, List<String> leading, List<String> trailing, Map<String, String> spokenForms) {
        this.anywhere = phrases(anywhere);
        this.leading = phrases(leading);
        this.trailing = phrases(trailing);
        Map<String, List<String>> forms = new HashMap<>();
        List<Map.Entry<List<String>, List<String>>> phrases = new ArrayList<>();
        spokenForms.forEach((said, meant) -> {
            List<String> saidWords = words(said);
            if (saidWords.size() == 1) {
                forms.put(saidWords.get(0), words(meant));
            } else if (saidWords.size() > 1) {
                phrases.add(Map.entry(saidWords, words(meant)));
            }
        });
        this.spokenForms = Map.copyOf(forms);
        phrases.sort(Comparator.comparingInt((Map.Entry<List<String>, List<String>> e) -> e.getKey().size()).reversed());
        this.spokenPhrases = List.copyOf(phrases);
    }

    /** The normalised words of a piece of text, without filler removal: used for pattern literals and word lists. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(normalise(m.group()));
        }
        return words;
    }

    /** The tokens of an utterance with fillers removed. */
    List<Token> tokens(String utterance) {
        List<Token> said = new ArrayList<>();
        Matcher m = WORD.matcher(utterance);
        while (m.find()) {
            String word = normalise(m.group());
            List<String> meant = spokenForms.get(word);
            Matcher glued = GLUED_UNIT.matcher(word);
            if (glued.matches()) {
                said.add(new Token(glued.group(1), m.group()));
                said.add(new Token(UNITS.get(glued.group(2)), ""));
            } else if (meant == null) {
                said.add(new Token(word, m.group()));
            } else {
                for (int k = 0; k < meant.size(); k++) {
                    said.add(new Token(meant.get(k), k == 0 ? m.group() : ""));
                }
            }
        }
        List<Token> all = rewritePhrases(said);
        List<Token> kept = new ArrayList<>();
        int i = 0;
        boolean afterFiller = false;
        while (i < all.size()) {
            int filler = longestPhraseAt(all, i, anywhere);
            if (filler > 0) {
                i += filler;
                afterFiller = true;
            } else {
                Token word = all.get(i++);
                // "for um for the Garza family": a word said again after a hesitation is said once
                if (!(afterFiller && !kept.isEmpty() && kept.get(kept.size() - 1).text().equals(word.text()))) {
                    kept.add(word);
                }
                afterFiller = false;
            }
        }
        return trimmed(kept);
    }

    /** Whether the words begin with a leading filler: a request asked of Dictum ("can you", "let's"). */
    boolean beginsWithLeadingFiller(List<Token> words) {
        return longestPhraseAt(words, 0, leading) > 0;
    }

    /**
     * The words without leading and trailing fillers: for a whole utterance, and for a request said after a remark or
     * before one ("I'm starting on Thompson now, can you start my timer").
     */
    List<Token> trimmed(List<Token> words) {
        int start = 0;
        int filler;
        while ((filler = longestPhraseAt(words, start, leading)) > 0) {
            start += filler;
        }
        int end = words.size();
        while ((filler = longestPhraseEndingAt(words, start, end, trailing)) > 0) {
            end -= filler;
        }
        return List.copyOf(words.subList(start, end));
    }

    /** The tokens with every spoken phrase replaced by the words it stands for, longest phrase first. */
    private List<Token> rewritePhrases(List<Token> tokens) {
        if (spokenPhrases.isEmpty()) {
            return tokens;
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Map.Entry<List<String>, List<String>> found = null;
            for (Map.Entry<List<String>, List<String>> phrase : spokenPhrases) {
                if (i + phrase.getKey().size() <= tokens.size() && matchesAt(tokens, i, phrase.getKey())) {
                    found = phrase;
                    break;
                }
            }
            if (found == null) {
                out.add(tokens.get(i++));
            } else {
                String surface = Token.said(tokens.subList(i, i + found.getKey().size()));
                List<String> meant = found.getValue();
                for (int k = 0; k < meant.size(); k++) {
                    out.add(new Token(meant.get(k), k == 0 ? surface : ""));
                }
                i += found.getKey().size();
            }
        }
        return out;
    }

    /** Whether a single normalised word is always dropped from speech, and so can never be matched by a pattern. */
    boolean isDroppedEverywhere(String word) {
        return anywhere.stream().anyMatch(p -> p.size() == 1 && p.get(0).equals(word));
    }

    /** Whether a normalised word is always rewritten into others before matching, so a pattern never sees it. */
    boolean isRewritten(String word) {
        return spokenForms.containsKey(word);
    }

    private static String normalise(String word) {
        // apostrophes and inner periods vanish ("what's" -> "whats", "u.s." -> "us"); hyphens stay for case numbers
        String w = word.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        return w.indexOf('.') < 0 ? w : NON_DECIMAL_PERIOD.matcher(w).replaceAll("");
    }

    private static List<List<String>> phrases(List<String> texts) {
        return texts.stream().map(SpeechNormaliser::words).filter(w -> !w.isEmpty())
                .sorted(Comparator.comparingInt((List<String> w) -> w.size()).reversed())
                .toList();
    }

    /** Length of the longest phrase starting at {@code at}, 0 when none does; phrases are sorted longest first. */
    private static int longestPhraseAt(List<Token> tokens, int at, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (at + phrase.size() <= tokens.size() && matchesAt(tokens, at, phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    /** Length of the longest phrase ending right before {@code end} and starting at or after {@code from}. */
    private static int longestPhraseEndingAt(List<Token> tokens, int from, int end, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (end - phrase.size() >= from && matchesAt(tokens, end - phrase.size(), phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static boolean matchesAt(List<Token> tokens, int at, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!tokens.get(at + k).text().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }
}
