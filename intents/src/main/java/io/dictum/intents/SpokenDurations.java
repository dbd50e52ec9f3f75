package io.dictum.intents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Durations as spoken, in whole minutes: "thirty minutes", "an hour and a half", "1.5 hours", "two hours and ten
 * minutes", "an hour fifteen", "a quarter hour", "half an hour", "one and three quarter hours". Lawyers bill in tenths of an hour, so a bare decimal
 * or tenths are hours: "point three" and "three tenths" are 18 minutes, "1.2" is 72. A bare whole number ("log
 * thirty") is no duration: the unit is not guessed. Fractions of a minute are rounded to the nearest minute.
 */
final class SpokenDurations {

    private static final Set<String> MINUTES = Set.of("minute", "minutes", "min", "mins");
    private static final Set<String> HOURS = Set.of("hour", "hours", "hr", "hrs");
    /** A part of an hour said after the whole hours: "two and a half hours", "one and three quarter hours". */
    private static final Map<List<String>, Double> FRACTIONS = Map.of(
            List.of("and", "a", "half"), 0.5,
            List.of("and", "a", "quarter"), 0.25,
            List.of("and", "three", "quarter"), 0.75,
            List.of("and", "three", "quarters"), 0.75);

    private SpokenDurations() {
    }

    static Optional<SlotValue> minutes(List<String> words) {
        OptionalDouble m = read(words);
        if (m.isEmpty() || m.getAsDouble() <= 0 || m.getAsDouble() > 24 * 60) {
            return Optional.empty();
        }
        return Optional.of(SlotValue.of(Long.toString(Math.round(m.getAsDouble()))));
    }

    private static OptionalDouble read(List<String> w) {
        int n = w.size();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        String all = String.join(" ", w);
        switch (all) {
            case "half an hour", "a half hour", "half hour", "a half an hour", "one half hour" -> {
                return OptionalDouble.of(30);
            }
            case "a quarter hour", "quarter hour", "a quarter of an hour", "quarter of an hour", "a quarter an hour" -> {
                return OptionalDouble.of(15);
            }
            case "three quarters of an hour", "three quarters of hour", "three quarter hour", "three quarters hour" -> {
                return OptionalDouble.of(45);
            }
            case "a tenth", "one tenth", "a tenth of an hour", "one tenth of an hour", "a tenth hour" -> {
                return OptionalDouble.of(6);
            }
            default -> {
            }
        }
        // "<n> tenths [of an hour]"
        int tenths = w.indexOf("tenths");
        if (tenths > 0 && (tenths == n - 1 || w.subList(tenths + 1, n).equals(List.of("of", "an", "hour")))) {
            OptionalInt t = SpokenNumbers.cardinal(w.subList(0, tenths), 1, 240);
            return t.isPresent() ? OptionalDouble.of(t.getAsInt() * 6.0) : OptionalDouble.empty();
        }
        // "an hour and a half", "two and a half hours", "an hour and fifteen minutes", "two hours ten minutes"
        int hourAt = indexOf(w, HOURS);
        if (hourAt > 0) {
            List<String> count = w.subList(0, hourAt);
            List<String> rest = w.subList(hourAt + 1, n);
            double hours;
            Optional<Map.Entry<List<String>, Double>> fraction = FRACTIONS.entrySet().stream()
                    .filter(f -> count.size() > f.getKey().size()
                            && count.subList(count.size() - f.getKey().size(), count.size()).equals(f.getKey()))
                    .findFirst();
            if (fraction.isPresent()) {
                OptionalDouble h = number(count.subList(0, count.size() - fraction.get().getKey().size()));
                if (h.isEmpty()) {
                    return OptionalDouble.empty();
                }
                hours = h.getAsDouble() + fraction.get().getValue();
            } else {
                OptionalDouble h = number(count);
                if (h.isEmpty()) {
                    return OptionalDouble.empty();
                }
                hours = h.getAsDouble();
            }
            if (rest.isEmpty()) {
                return OptionalDouble.of(hours * 60);
            }
            if (rest.get(0).equals("and")) {
                rest = rest.subList(1, rest.size());
            }
            if (hours != Math.floor(hours) || rest.isEmpty()) {
                return OptionalDouble.empty();
            }
            String r = String.join(" ", rest);
            if (r.equals("a half")) {
                return OptionalDouble.of(hours * 60 + 30);
            }
            if (r.equals("a quarter")) {
                return OptionalDouble.of(hours * 60 + 15);
            }
            List<String> minuteWords = MINUTES.contains(rest.get(rest.size() - 1)) ? rest.subList(0, rest.size() - 1) : rest;
            OptionalInt m = SpokenNumbers.cardinal(minuteWords, 1, 59);
            return m.isPresent() ? OptionalDouble.of(hours * 60 + m.getAsInt()) : OptionalDouble.empty();
        }
        // "thirty minutes", "45 min", "a minute"
        if (MINUTES.contains(w.get(n - 1)) && n >= 2) {
            OptionalDouble m = number(w.subList(0, n - 1));
            return m.isPresent() ? m : OptionalDouble.empty();
        }
        // a bare decimal is hours, the billing convention: "point three", "1.2", "one point five"
        if (all.contains("point") || (n == 1 && w.get(0).contains("."))) {
            OptionalDouble h = SpokenNumbers.decimal(w);
            return h.isPresent() ? OptionalDouble.of(h.getAsDouble() * 60) : OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /** A count before a unit: "a", "an", "one", "two", "1.5", "one point five". */
    private static OptionalDouble number(List<String> w) {
        if (w.size() == 1 && (w.get(0).equals("a") || w.get(0).equals("an"))) {
            return OptionalDouble.of(1);
        }
        return SpokenNumbers.decimal(w);
    }

    private static int indexOf(List<String> w, Set<String> words) {
        for (int i = 0; i < w.size(); i++) {
            if (words.contains(w.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
