package io.dictum.intents;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people say them, over normalised words: cardinals ("one hundred and five", "a hundred", "42"), years
 * ("twenty twenty six", "nineteen ninety nine", "two thousand and five", "2026"), ordinals ("twenty first", "3rd")
 * and decimals ("1.5", "point three", "one point five"). Every method uses all the words it is given or answers
 * empty: a number is never read out of part of a phrase.
 */
final class SpokenNumbers {

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20), Map.entry("thirtieth", 30), Map.entry("fortieth", 40),
            Map.entry("fiftieth", 50), Map.entry("sixtieth", 60), Map.entry("seventieth", 70),
            Map.entry("eightieth", 80), Map.entry("ninetieth", 90), Map.entry("hundredth", 100));
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern DIGIT_ORDINAL = Pattern.compile("(\\d{1,4})(st|nd|rd|th)");
    private static final Pattern DECIMAL = Pattern.compile("\\d*\\.\\d+|\\d+");

    private SpokenNumbers() {
    }

    /** A whole number using every word: "one hundred and five", "a hundred", "forty five", "2026", "twenty twenty six". */
    static OptionalInt cardinal(List<String> words) {
        if (words.isEmpty()) {
            return OptionalInt.empty();
        }
        if (words.size() == 1 && DIGITS.matcher(words.get(0)).matches()) {
            return OptionalInt.of(Integer.parseInt(words.get(0)));
        }
        OptionalInt plain = plain(words);
        return plain.isPresent() ? plain : year(words);
    }

    /** A single digit or number word, or a spoken number: {@link #cardinal} restricted to a range. */
    static OptionalInt cardinal(List<String> words, int min, int max) {
        OptionalInt n = cardinal(words);
        return n.isPresent() && n.getAsInt() >= min && n.getAsInt() <= max ? n : OptionalInt.empty();
    }

    /** An ordinal using every word: "third", "twenty first", "3rd", "one hundred and fifth". */
    static OptionalInt ordinal(List<String> words) {
        if (words.isEmpty()) {
            return OptionalInt.empty();
        }
        if (words.size() == 1) {
            Matcher m = DIGIT_ORDINAL.matcher(words.get(0));
            if (m.matches()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        Integer last = ORDINALS.get(words.get(words.size() - 1));
        if (last == null) {
            return OptionalInt.empty();
        }
        if (words.size() == 1) {
            return OptionalInt.of(last);
        }
        List<String> head = words.subList(0, words.size() - 1);
        if (head.get(head.size() - 1).equals("and")) {
            head = head.subList(0, head.size() - 1); // "one hundred and fifth"
        }
        OptionalInt prefix = plain(head);
        if (prefix.isEmpty()) {
            return OptionalInt.empty();
        }
        int p = prefix.getAsInt();
        boolean fits = last < 10 ? p % 10 == 0 : last < 100 ? p % 100 == 0 : p < 10;
        if (!fits || p == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(last == 100 ? p * 100 : p + last);
    }

    /** A number that may have a fraction: "1.5", ".5", "point three", "one point five", "zero point two", "two". */
    static OptionalDouble decimal(List<String> words) {
        if (words.size() == 1 && DECIMAL.matcher(words.get(0)).matches()) {
            return OptionalDouble.of(Double.parseDouble(words.get(0)));
        }
        int point = words.indexOf("point");
        if (point < 0) {
            OptionalInt whole = cardinal(words);
            return whole.isPresent() ? OptionalDouble.of(whole.getAsInt()) : OptionalDouble.empty();
        }
        double whole = 0;
        if (point > 0) {
            OptionalInt w = cardinal(words.subList(0, point));
            if (w.isEmpty()) {
                return OptionalDouble.empty();
            }
            whole = w.getAsInt();
        }
        List<String> fraction = words.subList(point + 1, words.size());
        if (fraction.isEmpty()) {
            return OptionalDouble.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (String f : fraction) { // digits are read one by one: "point two five" is .25
            OptionalInt d = f.matches("\\d+") ? OptionalInt.of(Integer.parseInt(f)) : digit(f);
            if (d.isEmpty()) {
                return OptionalDouble.empty();
            }
            digits.append(f.matches("\\d+") ? f : String.valueOf(d.getAsInt()));
        }
        return OptionalDouble.of(whole + Double.parseDouble("0." + digits));
    }

    private static OptionalInt digit(String word) {
        if (word.equals("oh")) {
            return OptionalInt.of(0);
        }
        Integer u = UNITS.get(word);
        return u == null ? OptionalInt.empty() : OptionalInt.of(u);
    }

    private enum Last { NONE, A, UNIT, TEEN, TENS, TENS_UNIT, HUNDRED, THOUSAND, AND }

    /** Number words in the usual order: "a hundred", "one hundred and five", "two thousand twenty six". */
    private static OptionalInt plain(List<String> words) {
        int total = 0;
        int current = 0;
        Last last = Last.NONE;
        for (String w : words) {
            Integer v;
            if ((w.equals("a") || w.equals("an")) && last == Last.NONE) {
                last = Last.A;
            } else if ((v = UNITS.get(w)) != null) {
                if (last == Last.TENS) {
                    current += v;
                    last = Last.TENS_UNIT;
                } else if (last == Last.NONE || last == Last.HUNDRED || last == Last.THOUSAND || last == Last.AND) {
                    current += v;
                    last = Last.UNIT;
                } else {
                    return OptionalInt.empty();
                }
            } else if ((v = TEENS.get(w)) != null || (v = TENS.get(w)) != null) {
                if (last != Last.NONE && last != Last.HUNDRED && last != Last.THOUSAND && last != Last.AND) {
                    return OptionalInt.empty();
                }
                current += v;
                last = v < 20 ? Last.TEEN : Last.TENS;
            } else if (w.equals("hundred")) {
                if (last == Last.A) {
                    current = 1;
                } else if (last != Last.UNIT || current % 100 == 0 || current % 100 > 9) {
                    return OptionalInt.empty();
                }
                current = current / 100 * 100 + current % 100 * 100;
                last = Last.HUNDRED;
            } else if (w.equals("thousand")) {
                if (last == Last.A) {
                    current = 1;
                } else if (current == 0 || last == Last.AND || total > 0) {
                    return OptionalInt.empty();
                }
                total = current * 1000;
                current = 0;
                last = Last.THOUSAND;
            } else if (w.equals("and") && (last == Last.HUNDRED || last == Last.THOUSAND)) {
                last = Last.AND;
            } else {
                return OptionalInt.empty();
            }
        }
        if (last == Last.NONE || last == Last.A || last == Last.AND) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(total + current);
    }

    /** Years said in two halves: "twenty twenty six", "nineteen ninety nine", "twenty oh five". */
    private static OptionalInt year(List<String> words) {
        for (int cut = 1; cut < words.size(); cut++) {
            OptionalInt century = plain(words.subList(0, cut));
            List<String> rest = words.subList(cut, words.size());
            if (century.isEmpty() || century.getAsInt() < 10 || century.getAsInt() > 99) {
                continue;
            }
            int tail;
            if (rest.size() == 2 && rest.get(0).equals("oh") && UNITS.containsKey(rest.get(1))) {
                tail = UNITS.get(rest.get(1));
            } else {
                OptionalInt t = plain(rest);
                if (t.isEmpty() || t.getAsInt() < 10 || t.getAsInt() > 99) {
                    continue;
                }
                tail = t.getAsInt();
            }
            return OptionalInt.of(century.getAsInt() * 100 + tail);
        }
        return OptionalInt.empty();
    }
}
