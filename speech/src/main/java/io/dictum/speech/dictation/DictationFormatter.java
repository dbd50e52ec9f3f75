package io.dictum.speech.dictation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns recognised dictation (lower-case words as Vosk writes them, one string per utterance) into the text of a
 * note, the way legal dictation software does. Pure: the same utterances always give the same text.
 *
 * <ul>
 *   <li>Spoken punctuation: "period" (or "full stop"), "comma", "question mark", "exclamation point"/"mark",
 *       "colon", "semicolon" (or "semi colon"), "open quote"/"close quote" (also "begin"/"end quote",
 *       "unquote"), "open paren"/"close paren", "hyphen", "dash".</li>
 *   <li>Layout: "new line", "new paragraph" (a blank line).</li>
 *   <li>"scratch that" removes the last phrase: the words of the current utterance before it, or when it opens
 *       an utterance, the whole previous utterance; said again it keeps going back.</li>
 *   <li>Sentences start with a capital, as does the word after a line break; "i" is "I".</li>
 *   <li>Numbers: spoken cardinals become digits where a legal writer uses them: from 10 up, after a reference
 *       word ("section 3", "exhibit 2", "rule 12"), before a unit ("5 days", "3 years"); money with "dollars"
 *       becomes "$21,000"; "twenty twenty five" is the year 2025; ordinals after a month are dates ("March 3"),
 *       other ordinals from 10 up become "21st". Below ten elsewhere stays a word ("one of the witnesses").
 *       Thousands get separators from 10,000 up and always for money (so a year stays "2025").</li>
 * </ul>
 */
public final class DictationFormatter {

    private DictationFormatter() {
    }

    private enum Kind { WORD, PUNCT, NEWLINE, PARAGRAPH, OPEN_QUOTE, CLOSE_QUOTE, OPEN_PAREN, CLOSE_PAREN, DASH, HYPHEN }

    private record Token(Kind kind, String text) {
        static Token word(String w) {
            return new Token(Kind.WORD, w);
        }
    }

    /** Spoken commands, longest first within the same first word. */
    private static final Map<String, Token> COMMANDS = Map.ofEntries(
            Map.entry("period", new Token(Kind.PUNCT, ".")),
            Map.entry("full stop", new Token(Kind.PUNCT, ".")),
            Map.entry("comma", new Token(Kind.PUNCT, ",")),
            Map.entry("question mark", new Token(Kind.PUNCT, "?")),
            Map.entry("exclamation point", new Token(Kind.PUNCT, "!")),
            Map.entry("exclamation mark", new Token(Kind.PUNCT, "!")),
            Map.entry("colon", new Token(Kind.PUNCT, ":")),
            Map.entry("semicolon", new Token(Kind.PUNCT, ";")),
            Map.entry("semi colon", new Token(Kind.PUNCT, ";")),
            Map.entry("new line", new Token(Kind.NEWLINE, "\n")),
            Map.entry("next line", new Token(Kind.NEWLINE, "\n")),
            Map.entry("new paragraph", new Token(Kind.PARAGRAPH, "\n\n")),
            Map.entry("next paragraph", new Token(Kind.PARAGRAPH, "\n\n")),
            Map.entry("open quote", new Token(Kind.OPEN_QUOTE, "\"")),
            Map.entry("begin quote", new Token(Kind.OPEN_QUOTE, "\"")),
            Map.entry("close quote", new Token(Kind.CLOSE_QUOTE, "\"")),
            Map.entry("end quote", new Token(Kind.CLOSE_QUOTE, "\"")),
            Map.entry("unquote", new Token(Kind.CLOSE_QUOTE, "\"")),
            Map.entry("open paren", new Token(Kind.OPEN_PAREN, "(")),
            Map.entry("close paren", new Token(Kind.CLOSE_PAREN, ")")),
            Map.entry("hyphen", new Token(Kind.HYPHEN, "-")),
            Map.entry("dash", new Token(Kind.DASH, "\u2014")));
    private static final String SCRATCH = "scratch that";

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80,
            "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of(
            "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30),
            Map.entry("fortieth", 40), Map.entry("fiftieth", 50), Map.entry("sixtieth", 60),
            Map.entry("seventieth", 70), Map.entry("eightieth", 80), Map.entry("ninetieth", 90));
    private static final Set<String> REFERENCES = Set.of(
            "section", "sections", "rule", "rules", "paragraph", "paragraphs", "article", "chapter", "title",
            "exhibit", "exhibits", "page", "pages", "count", "counts", "claim", "item", "line", "lines", "clause",
            "schedule", "appendix", "amendment", "volume", "number", "no", "docket", "case", "room", "suite",
            "tab", "subsection", "part", "step", "version", "interrogatory", "request");
    private static final Set<String> UNIT_WORDS = Set.of(
            "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute",
            "minutes", "second", "seconds", "percent", "am", "pm", "a.m.", "p.m.", "o'clock", "cents", "pounds",
            "feet", "miles", "mph", "inches", "degrees");
    private static final Set<String> MONTHS = Set.of(
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december");
    private static final Set<String> WEEKDAYS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** The note dictated so far, one recognised string per utterance, in order. */
    public static String format(List<String> utterances) {
        List<Token> tokens = new ArrayList<>();
        List<Integer> phraseStarts = new ArrayList<>();
        for (String utterance : utterances) {
            List<String> words = words(utterance);
            if (words.isEmpty()) {
                continue;
            }
            phraseStarts.add(tokens.size());
            for (int i = 0; i < words.size(); ) {
                if (matches(words, i, SCRATCH)) {
                    scratch(tokens, phraseStarts);
                    i += 2;
                    continue;
                }
                Token command = null;
                int length = 0;
                if (i + 1 < words.size()) {
                    command = COMMANDS.get(words.get(i) + " " + words.get(i + 1));
                    length = 2;
                }
                if (command == null) {
                    command = COMMANDS.get(words.get(i));
                    length = 1;
                }
                if (command != null) {
                    tokens.add(command);
                    i += length;
                } else {
                    tokens.add(Token.word(words.get(i)));
                    i++;
                }
            }
        }
        return render(numbers(tokens));
    }

    /** The same for one utterance. */
    public static String format(String utterance) {
        return format(List.of(utterance));
    }

    private static List<String> words(String utterance) {
        List<String> words = new ArrayList<>();
        if (utterance == null) {
            return words;
        }
        for (String w : utterance.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!w.isEmpty() && !w.equals("[unk]")) {
                words.add(w);
            }
        }
        return words;
    }

    private static boolean matches(List<String> words, int i, String phrase) {
        String[] parts = phrase.split(" ");
        if (i + parts.length > words.size()) {
            return false;
        }
        for (int k = 0; k < parts.length; k++) {
            if (!words.get(i + k).equals(parts[k])) {
                return false;
            }
        }
        return true;
    }

    private static void scratch(List<Token> tokens, List<Integer> phraseStarts) {
        int last = phraseStarts.get(phraseStarts.size() - 1);
        if (tokens.size() > last) {
            truncate(tokens, last);
            return;
        }
        if (phraseStarts.size() > 1) {
            phraseStarts.remove(phraseStarts.size() - 1);
            truncate(tokens, phraseStarts.get(phraseStarts.size() - 1));
        }
    }

    private static void truncate(List<Token> tokens, int size) {
        tokens.subList(size, tokens.size()).clear();
    }

    // ------------------------------------------------------------------ numbers

    /** A parsed run of number words: its value, where it ends (exclusive), and how it was said. */
    private record NumberRun(long value, int end, boolean ordinal, boolean year) {
    }

    private static List<Token> numbers(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            NumberRun run = parseNumber(tokens, i);
            if (run == null) {
                out.add(tokens.get(i));
                i++;
                continue;
            }
            String previous = i > 0 && tokens.get(i - 1).kind() == Kind.WORD ? tokens.get(i - 1).text() : "";
            String next = run.end() < tokens.size() && tokens.get(run.end()).kind() == Kind.WORD
                    ? tokens.get(run.end()).text() : "";
            if (!run.ordinal() && (next.equals("dollars") || next.equals("dollar"))) {
                out.add(Token.word("$" + grouped(run.value())));
                i = run.end() + 1;
                continue;
            }
            String digits = null;
            if (run.ordinal()) {
                if (MONTHS.contains(previous)) {
                    digits = Long.toString(run.value());
                } else if (run.value() >= 10) {
                    digits = run.value() + suffix(run.value());
                }
            } else if (run.year()) {
                digits = Long.toString(run.value());
            } else if (run.value() >= 10 || REFERENCES.contains(previous) || UNIT_WORDS.contains(next)) {
                digits = run.value() >= 10_000 ? grouped(run.value()) : Long.toString(run.value());
            }
            if (digits == null) {
                for (int k = i; k < run.end(); k++) {
                    out.add(tokens.get(k));
                }
            } else {
                out.add(Token.word(digits));
            }
            i = run.end();
        }
        return out;
    }

    private static String word(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).kind() == Kind.WORD ? tokens.get(i).text() : null;
    }

    private static boolean has(Map<String, ?> map, String key) {
        return key != null && map.containsKey(key);
    }

    private static boolean isNumberWord(String w) {
        return w != null && (UNITS.containsKey(w) || TEENS.containsKey(w) || TENS.containsKey(w));
    }

    /**
     * Parses the longest well-formed number from {@code i}, or null. "twenty one thousand five hundred and six",
     * "nineteen ninety" (a year), "twenty first".
     */
    private static NumberRun parseNumber(List<Token> tokens, int i) {
        String first = word(tokens, i);
        if (first == null || !(isNumberWord(first) || ORDINALS.containsKey(first))) {
            return null;
        }
        // a year said in two halves: "nineteen ninety", "twenty twenty five"
        String second = word(tokens, i + 1);
        String third = word(tokens, i + 2);
        if ((first.equals("nineteen") || first.equals("twenty")) && (has(TENS, second) || has(TEENS, second))
                && !has(SCALES, third) && !"hundred".equals(third)) {
            long century = first.equals("nineteen") ? 19 : 20;
            long rest = has(TENS, second) ? TENS.get(second) : TEENS.get(second);
            int end = i + 2;
            String unit = third;
            if (has(TENS, second) && has(UNITS, unit) && UNITS.get(unit) > 0) {
                rest += UNITS.get(unit);
                end++;
            }
            return new NumberRun(century * 100 + rest, end, false, true);
        }
        long total = 0;
        long group = 0;
        long lastScale = Long.MAX_VALUE;
        String last = null; // unit, teen, tens, hundred, scale, and
        boolean ordinal = false;
        int j = i;
        int end = i;
        for (; j < tokens.size(); j++) {
            String w = word(tokens, j);
            if (w == null) {
                break;
            }
            boolean afterGroupStart = last == null || last.equals("hundred") || last.equals("scale")
                    || last.equals("and");
            if (UNITS.containsKey(w) || ORDINALS.containsKey(w) && ORDINALS.get(w) < 10) {
                int n = UNITS.containsKey(w) ? UNITS.get(w) : ORDINALS.get(w);
                if (afterGroupStart || "tens".equals(last) && n > 0) {
                    if (n == 0 && last != null) {
                        break;
                    }
                    group += n;
                    last = "unit";
                    ordinal = ORDINALS.containsKey(w);
                } else {
                    break;
                }
            } else if (TEENS.containsKey(w) || ORDINALS.containsKey(w) && ORDINALS.get(w) < 20) {
                if (!afterGroupStart) {
                    break;
                }
                group += TEENS.containsKey(w) ? TEENS.get(w) : ORDINALS.get(w);
                last = "teen";
                ordinal = ORDINALS.containsKey(w);
            } else if (TENS.containsKey(w) || ORDINALS.containsKey(w)) {
                if (!afterGroupStart) {
                    break;
                }
                group += TENS.containsKey(w) ? TENS.get(w) : ORDINALS.get(w);
                last = "tens";
                ordinal = ORDINALS.containsKey(w);
            } else if (w.equals("hundred")) {
                if (!("unit".equals(last) || "teen".equals(last)) || group % 100 == 0 || group >= 100) {
                    break;
                }
                group *= 100;
                last = "hundred";
            } else if (SCALES.containsKey(w)) {
                long scale = SCALES.get(w);
                if (last == null || last.equals("and") || last.equals("scale") || scale >= lastScale || group == 0) {
                    break;
                }
                total += group * scale;
                group = 0;
                lastScale = scale;
                last = "scale";
            } else if (w.equals("and")) {
                if (!("hundred".equals(last) || "scale".equals(last)) || !isNumberWord(word(tokens, j + 1))) {
                    break;
                }
                last = "and";
                continue;
            } else {
                break;
            }
            end = j + 1;
            if (ordinal) {
                break;
            }
        }
        if (end == i) {
            return null;
        }
        return new NumberRun(total + group, end, ordinal, false);
    }

    private static String suffix(long n) {
        long lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    // ------------------------------------------------------------------ rendering

    private static String render(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        boolean capitalise = true;
        boolean noSpace = true;
        for (Token t : tokens) {
            switch (t.kind()) {
                case WORD -> {
                    if (!noSpace) {
                        out.append(' ');
                    }
                    out.append(casing(t.text(), capitalise));
                    capitalise = false;
                    noSpace = false;
                }
                case PUNCT, CLOSE_QUOTE, CLOSE_PAREN -> {
                    out.append(t.text());
                    if (t.text().equals(".") || t.text().equals("?") || t.text().equals("!")) {
                        capitalise = true;
                    }
                    noSpace = false;
                }
                case OPEN_QUOTE, OPEN_PAREN -> {
                    if (!noSpace) {
                        out.append(' ');
                    }
                    out.append(t.text());
                    noSpace = true;
                }
                case HYPHEN, DASH -> {
                    out.append(t.text());
                    noSpace = true;
                }
                case NEWLINE, PARAGRAPH -> {
                    trimTrailingSpaces(out);
                    if (out.length() > 0) {
                        out.append(t.text());
                    }
                    capitalise = true;
                    noSpace = true;
                }
                default -> throw new IllegalStateException(t.kind().name());
            }
        }
        trimTrailingSpaces(out);
        return out.toString().strip();
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String casing(String word, boolean capitalise) {
        if (word.equals("i") || word.startsWith("i'")) {
            return "I" + word.substring(1);
        }
        if (capitalise || MONTHS.contains(word) || WEEKDAYS.contains(word)) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }
}
