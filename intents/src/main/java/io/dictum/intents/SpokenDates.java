package io.dictum.intents;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times of day and periods as spoken, read relative to a reference day in the firm's time zone. The rules
 * (also in the module README):
 * <ul>
 *   <li>a bare weekday ("Friday", "on Friday") is the next one after today, 1 to 7 days ahead; "this Friday" is the
 *   Friday of the current Monday-to-Sunday week, today included, or the next one when that is past; "next Friday"
 *   is the Friday of the following week; "last Friday" the most recent before today;</li>
 *   <li>a month and day without a year ("March third", "3/15") is the next occurrence, today included;</li>
 *   <li>a day alone ("the twenty first") is in this month when not past, otherwise in the next month;</li>
 *   <li>"end of the month" is its last day, "end of the week" the Friday of this week;</li>
 *   <li>"a week from Monday", "two weeks from today", "ten days from March third" count from the date named (a
 *   bare weekday as above);</li>
 *   <li>a date that does not exist ("February thirtieth", "the thirty first" in a 30-day month) is impossible:
 *   the slot is reported unresolved, never moved to a nearby date;</li>
 *   <li>an hour without am or pm follows business hours: 7 to 11 are morning, 12 is noon, 1 to 6 afternoon;</li>
 *   <li>weeks run Monday to Sunday; a period is an ISO interval {@code start/end}, both days included.</li>
 * </ul>
 */
final class SpokenDates {

    private static final Map<String, Month> MONTHS = Map.ofEntries(Map.entry("january", Month.JANUARY),
            Map.entry("jan", Month.JANUARY), Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH), Map.entry("april", Month.APRIL),
            Map.entry("apr", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("june", Month.JUNE),
            Map.entry("jun", Month.JUNE), Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST), Map.entry("september", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER), Map.entry("october", Month.OCTOBER),
            Map.entry("oct", Month.OCTOBER), Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("mondays", DayOfWeek.MONDAY), Map.entry("tuesdays", DayOfWeek.TUESDAY),
            Map.entry("wednesdays", DayOfWeek.WEDNESDAY), Map.entry("thursdays", DayOfWeek.THURSDAY),
            Map.entry("fridays", DayOfWeek.FRIDAY),
            // typed short: "due next Wed", "by Fri" ("sat" and "sun" are everyday words)
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY));
    private static final Set<String> PARTS_OF_DAY = Set.of("morning", "afternoon", "evening", "night");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm)?");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private SpokenDates() {
    }

    // ---- dates

    /** A date: empty when the words are no date at all, an impossible value when they name a day that does not exist. */
    static Optional<SlotValue> date(List<String> words, LocalDate today) {
        return dateOf(words, today).map(d -> d.map(x -> SlotValue.of(x.toString())).orElse(SlotValue.impossible()));
    }

    /** Empty: not a date; Optional.of(empty): date-shaped but impossible. */
    private static Optional<Optional<LocalDate>> dateOf(List<String> w, LocalDate today) {
        int n = w.size();
        if (n == 0) {
            return Optional.empty();
        }
        // "this morning", "tomorrow afternoon", "Friday evening": the day that part of the day belongs to
        if (n >= 2 && PARTS_OF_DAY.contains(w.get(n - 1))) {
            List<String> day = w.subList(0, n - 1);
            return day.equals(List.of("this")) ? some(today) : dateOf(day, today);
        }
        String first = w.get(0);
        if (n == 1) {
            switch (first) {
                case "today", "tonight" -> {
                    return some(today);
                }
                case "tomorrow" -> {
                    return some(today.plusDays(1));
                }
                case "yesterday" -> {
                    return some(today.minusDays(1));
                }
                default -> {
                }
            }
            Matcher iso = ISO.matcher(first);
            if (iso.matches()) {
                return Optional.of(exact(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher num = NUMERIC.matcher(first);
            if (num.matches()) {
                int month = Integer.parseInt(num.group(1));
                int day = Integer.parseInt(num.group(2));
                if (month < 1 || month > 12 || day < 1 || day > 31) {
                    return Optional.of(Optional.empty());
                }
                if (num.group(3) != null) {
                    int year = Integer.parseInt(num.group(3));
                    return Optional.of(exact(year < 100 ? 2000 + year : year, month, day));
                }
                return Optional.of(nextMonthDay(month, day, today));
            }
        }
        if (w.equals(List.of("the", "day", "after", "tomorrow")) || w.equals(List.of("day", "after", "tomorrow"))) {
            return some(today.plusDays(2));
        }
        if (w.equals(List.of("the", "day", "before", "yesterday")) || w.equals(List.of("day", "before", "yesterday"))) {
            return some(today.minusDays(2));
        }
        // "a week from Monday", "two weeks from today", "ten days from March third": an offset from a date
        int from = w.indexOf("from");
        if (from >= 2 && from <= n - 2) {
            List<String> anchorWords = w.subList(from + 1, n);
            Optional<Optional<LocalDate>> anchor = anchorWords.equals(List.of("now")) ? some(today)
                    : dateOf(anchorWords, today);
            if (anchor.isPresent()) {
                return anchor.get().isEmpty() ? anchor : offset(w.subList(0, from), anchor.get().get());
            }
        }
        // weekdays
        DayOfWeek last = WEEKDAYS.get(w.get(n - 1));
        if (last != null) {
            List<String> head = w.subList(0, n - 1);
            if (head.isEmpty()) {
                return some(today.with(TemporalAdjusters.next(last)));
            }
            String h = String.join(" ", head);
            switch (h) {
                case "this", "this coming", "coming", "the coming" -> {
                    LocalDate inWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(
                            TemporalAdjusters.nextOrSame(last));
                    return some(inWeek.isBefore(today) ? today.with(TemporalAdjusters.next(last)) : inWeek);
                }
                case "next" -> {
                    return some(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(last)));
                }
                case "last", "this past", "past" -> {
                    return some(today.with(TemporalAdjusters.previous(last)));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (n == 3 && WEEKDAYS.containsKey(first) && w.get(1).equals("next") && w.get(2).equals("week")) {
            return some(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(WEEKDAYS.get(first))));
        }
        // "in two weeks", "in 3 days"
        if (first.equals("in") && n >= 3) {
            return offset(w.subList(1, n), today);
        }
        // "end of the month", "the end of next week"
        Optional<Optional<LocalDate>> end = endOf(w, today);
        if (end.isPresent()) {
            return end;
        }
        // a weekday before a calendar date must agree with it: "Friday March sixth", "Monday the 7th"
        if (WEEKDAYS.containsKey(first) && n >= 2) {
            Optional<Optional<LocalDate>> rest = calendar(w.subList(1, n), today);
            if (rest.isPresent() && rest.get().isPresent() && rest.get().get().getDayOfWeek() != WEEKDAYS.get(first)) {
                return Optional.of(Optional.empty());
            }
            return rest;
        }
        return calendar(w, today);
    }

    private static Optional<Optional<LocalDate>> some(LocalDate d) {
        return Optional.of(Optional.of(d));
    }

    private static Optional<LocalDate> exact(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The next occurrence of a month and day, today included; impossible when that year has no such day. */
    private static Optional<LocalDate> nextMonthDay(int month, int day, LocalDate today) {
        if (day > Month.of(month).maxLength()) {
            return Optional.empty();
        }
        MonthDay md = MonthDay.of(month, day);
        int year = md.isBefore(MonthDay.from(today)) ? today.getYear() + 1 : today.getYear();
        return exact(year, month, day);
    }

    private static Optional<Optional<LocalDate>> offset(List<String> w, LocalDate today) {
        int n = w.size();
        String unit = w.get(n - 1);
        List<String> count = w.subList(0, n - 1);
        OptionalInt amount = count.size() == 1 && (count.get(0).equals("a") || count.get(0).equals("an"))
                ? OptionalInt.of(1) : SpokenNumbers.cardinal(count, 1, 400);
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        int a = amount.getAsInt();
        return switch (unit) {
            case "day", "days" -> some(today.plusDays(a));
            case "week", "weeks" -> some(today.plusWeeks(a));
            case "month", "months" -> some(today.plusMonths(a));
            case "year", "years" -> some(today.plusYears(a));
            default -> Optional.empty();
        };
    }

    private static Optional<Optional<LocalDate>> endOf(List<String> w, LocalDate today) {
        List<String> v = w.get(0).equals("the") ? w.subList(1, w.size()) : w;
        if (v.size() < 3 || !v.get(0).equals("end") || !v.get(1).equals("of")) {
            return Optional.empty();
        }
        String what = String.join(" ", v.subList(2, v.size()));
        return switch (what) {
            case "the month", "this month", "month" -> some(today.with(TemporalAdjusters.lastDayOfMonth()));
            case "next month" -> some(today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()));
            case "the week", "this week", "week" -> some(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(4));
            case "next week" -> some(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(4));
            case "the year", "this year", "year" -> some(today.with(TemporalAdjusters.lastDayOfYear()));
            case "the day", "today", "day", "business today", "the business day" -> some(today);
            default -> Optional.empty();
        };
    }

    /**
     * Calendar dates: "March third", "March the 3rd", "March 3 2027", "March third twenty twenty seven", "the third of
     * March", "the twenty first", "the 21st".
     */
    private static Optional<Optional<LocalDate>> calendar(List<String> w, LocalDate today) {
        int n = w.size();
        Month month = MONTHS.get(w.get(0));
        if (month != null && n >= 2) {
            List<String> rest = w.subList(1, n);
            if (rest.get(0).equals("the")) {
                rest = rest.subList(1, rest.size());
            }
            // the day takes the fewest words that read as a day; the rest, if any, must be a year
            for (int cut = 1; cut <= rest.size(); cut++) {
                OptionalInt day = day(rest.subList(0, cut));
                if (day.isEmpty()) {
                    continue;
                }
                List<String> yearWords = rest.subList(cut, rest.size());
                if (yearWords.isEmpty()) {
                    return Optional.of(nextMonthDay(month.getValue(), day.getAsInt(), today));
                }
                OptionalInt year = SpokenNumbers.cardinal(yearWords, 1900, 2199);
                if (year.isPresent()) {
                    return Optional.of(exact(year.getAsInt(), month.getValue(), day.getAsInt()));
                }
            }
            // "March thirty second": a month and a day number that no month has
            OptionalInt beyond = SpokenNumbers.ordinal(rest);
            if (beyond.isEmpty()) {
                beyond = SpokenNumbers.cardinal(rest, 32, 99);
            }
            return beyond.isPresent() && beyond.getAsInt() > 31 && beyond.getAsInt() < 100
                    ? Optional.of(Optional.empty()) : Optional.empty();
        }
        // "the third of March [2027]", "the twenty first"
        List<String> v = w.get(0).equals("the") ? w.subList(1, n) : w;
        int of = v.indexOf("of");
        if (of > 0 && of + 1 < v.size() && MONTHS.containsKey(v.get(of + 1))) {
            OptionalInt day = day(v.subList(0, of));
            if (day.isEmpty()) {
                return Optional.empty();
            }
            Month m = MONTHS.get(v.get(of + 1));
            List<String> yearWords = v.subList(of + 2, v.size());
            if (yearWords.isEmpty()) {
                return Optional.of(nextMonthDay(m.getValue(), day.getAsInt(), today));
            }
            OptionalInt year = SpokenNumbers.cardinal(yearWords, 1900, 2199);
            return year.isEmpty() ? Optional.empty() : Optional.of(exact(year.getAsInt(), m.getValue(), day.getAsInt()));
        }
        if (v.isEmpty() || (v == w && !v.get(0).matches("\\d+(st|nd|rd|th)"))) {
            return Optional.empty(); // a day alone is "the third" or "3rd"; a bare "third" or "second" is no date
        }
        OptionalInt day = SpokenNumbers.ordinal(v);
        if (day.isEmpty() || day.getAsInt() < 1 || day.getAsInt() > 31) {
            return Optional.empty();
        }
        int d = day.getAsInt();
        YearMonth month0 = YearMonth.from(today);
        YearMonth target = d >= today.getDayOfMonth() ? month0 : month0.plusMonths(1);
        return Optional.of(target.isValidDay(d) ? Optional.of(target.atDay(d)) : Optional.empty());
    }

    /** A day of the month: an ordinal or a number from 1 to 31 ("third", "3rd", "3", "twenty first"). */
    private static OptionalInt day(List<String> w) {
        OptionalInt d = SpokenNumbers.ordinal(w);
        if (d.isEmpty()) {
            d = SpokenNumbers.cardinal(w, 1, 31);
        }
        return d.isPresent() && d.getAsInt() >= 1 && d.getAsInt() <= 31 ? d : OptionalInt.empty();
    }

    // ---- times of day

    /** A time of day as {@code HH:mm}: "ten", "ten thirty", "2 pm", "noon", "10:30", "half past two", "9 in the morning". */
    static Optional<SlotValue> time(List<String> words) {
        // a lone number ("ten") is a time only by where it is said: it weighs nothing, so "March second twenty twenty
        // seven" is a day in 2027, not March 2, 2020 at seven
        boolean bare = words.size() == 1 && SpokenNumbers.cardinal(words).isPresent();
        return timeOf(words).map(t -> bare ? SlotValue.loose(t.format(HH_MM)) : SlotValue.of(t.format(HH_MM)));
    }

    private static Optional<LocalTime> timeOf(List<String> words) {
        List<String> w = words;
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(" ", w);
        switch (joined) {
            case "noon", "midday", "twelve noon", "12 noon", "lunchtime", "lunch" -> {
                return Optional.of(LocalTime.NOON);
            }
            case "midnight" -> {
                return Optional.of(LocalTime.MIDNIGHT);
            }
            default -> {
            }
        }
        // a meridiem at the end: "am", "pm", "a m", "p m", "in the morning", "in the afternoon", "in the evening"
        Boolean pm = null;
        int n = w.size();
        String lastWord = w.get(n - 1);
        if (lastWord.equals("am") || lastWord.equals("pm")) {
            pm = lastWord.equals("pm");
            w = w.subList(0, n - 1);
        } else if (n >= 2 && lastWord.equals("m") && (w.get(n - 2).equals("a") || w.get(n - 2).equals("p"))) {
            pm = w.get(n - 2).equals("p");
            w = w.subList(0, n - 2);
        } else if (n >= 3 && w.get(n - 3).equals("in") && w.get(n - 2).equals("the")) {
            switch (lastWord) {
                case "morning" -> pm = false;
                case "afternoon", "evening" -> pm = true;
                default -> {
                    return Optional.empty();
                }
            }
            w = w.subList(0, n - 3);
        } else if (n >= 2 && lastWord.equals("tonight")) {
            pm = true;
            w = w.subList(0, n - 1);
        }
        if (w.isEmpty()) {
            return Optional.empty();
        }
        if (w.get(w.size() - 1).equals("oclock")) {
            w = w.subList(0, w.size() - 1);
            if (w.isEmpty()) {
                return Optional.empty();
            }
        }
        int hour;
        int minute = 0;
        boolean twentyFour = false;
        Matcher clock = w.size() == 1 ? CLOCK.matcher(w.get(0)) : null;
        if (w.size() == 1 && w.get(0).matches("\\d{1,2}:\\d{2}(am|pm)?|\\d{1,2}(am|pm)|\\d{1,2}") && clock.matches()) {
            hour = Integer.parseInt(clock.group(1));
            minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
            if (clock.group(3) != null) {
                if (pm != null) {
                    return Optional.empty();
                }
                pm = clock.group(3).equals("pm");
            }
            twentyFour = hour == 0 || hour > 12;
        } else if (w.size() >= 3 && (w.get(1).equals("past") || w.get(1).equals("after") || w.get(1).equals("to")
                || w.get(1).equals("of") || w.get(1).equals("till"))) {
            // "half past two", "quarter to three", "ten past nine"
            OptionalInt h = SpokenNumbers.cardinal(w.subList(2, w.size()), 1, 12);
            int m;
            switch (w.get(0)) {
                case "half" -> m = 30;
                case "quarter" -> m = 15;
                default -> {
                    OptionalInt mm = SpokenNumbers.cardinal(w.subList(0, 1), 1, 29);
                    if (mm.isEmpty()) {
                        return Optional.empty();
                    }
                    m = mm.getAsInt();
                }
            }
            if (h.isEmpty() || (w.get(0).equals("half") && !w.get(1).equals("past"))) {
                return Optional.empty();
            }
            boolean before = !(w.get(1).equals("past") || w.get(1).equals("after"));
            hour = before ? h.getAsInt() - 1 : h.getAsInt();
            minute = before ? 60 - m : m;
            if (hour == 0) {
                hour = 12;
            }
        } else {
            // "ten", "ten thirty", "ten oh five", "two fifteen", "10 30"
            Optional<int[]> hm = hourMinute(w);
            if (hm.isEmpty()) {
                return Optional.empty();
            }
            hour = hm.get()[0];
            minute = hm.get()[1];
        }
        if (minute > 59 || hour > 23) {
            return Optional.empty();
        }
        if (twentyFour) {
            return pm != null && hour > 12 && !pm ? Optional.empty() : Optional.of(LocalTime.of(hour, minute));
        }
        if (hour < 1 || hour > 12) {
            return Optional.empty();
        }
        if (pm == null) {
            pm = hour <= 6 || hour == 12; // business hours: 7-11 morning, 12 noon, 1-6 afternoon
        }
        int h24 = hour % 12 + (pm ? 12 : 0);
        return Optional.of(LocalTime.of(h24, minute));
    }

    private static Optional<int[]> hourMinute(List<String> w) {
        for (int cut = 1; cut <= w.size(); cut++) {
            OptionalInt h = SpokenNumbers.cardinal(w.subList(0, cut), 1, 12);
            if (h.isEmpty()) {
                continue;
            }
            List<String> rest = w.subList(cut, w.size());
            if (rest.isEmpty()) {
                return Optional.of(new int[] {h.getAsInt(), 0});
            }
            if (rest.size() == 2 && rest.get(0).equals("oh")) {
                OptionalInt m = SpokenNumbers.cardinal(rest.subList(1, 2), 1, 9);
                if (m.isPresent()) {
                    return Optional.of(new int[] {h.getAsInt(), m.getAsInt()});
                }
            }
            if (rest.size() == 1 && rest.get(0).matches("\\d{2}")) {
                return Optional.of(new int[] {h.getAsInt(), Integer.parseInt(rest.get(0))});
            }
            OptionalInt m = SpokenNumbers.cardinal(rest, 10, 59);
            if (m.isPresent() && !rest.get(0).matches("\\d+")) {
                return Optional.of(new int[] {h.getAsInt(), m.getAsInt()});
            }
        }
        return Optional.empty();
    }

    // ---- periods

    /**
     * A period as an ISO interval {@code start/end}, both days included: "today", "this week" (Monday to Sunday),
     * "next week", "the week after next", "this month", "next month", "the next ten days", "the next two weeks", "the
     * rest of the week", "the week of December seventh" (the Monday-to-Sunday week holding that day), or any single
     * date ("Friday" is {@code d/d}).
     */
    static Optional<SlotValue> period(List<String> words, LocalDate today) {
        List<String> w = words;
        boolean joined = false;
        if (!w.isEmpty() && (w.get(0).equals("for") || w.get(0).equals("over") || w.get(0).equals("in")
                || w.get(0).equals("during") || w.get(0).equals("within") || w.get(0).equals("on"))) {
            w = w.subList(1, w.size());
            joined = true;
        }
        if (w.isEmpty()) {
            return Optional.empty();
        }
        // "between now and Friday", "from today through the fifteenth": from today to that day
        if (w.size() > 3 && (w.get(0).equals("between") || w.get(0).equals("from"))
                && (w.get(1).equals("now") || w.get(1).equals("today"))) {
            if (Set.of("and", "to", "until", "till", "through", "thru").contains(w.get(2))) {
                Optional<SlotValue> end = date(w.subList(3, w.size()), today);
                if (end.isEmpty() || !end.get().valid()) {
                    return end;
                }
                LocalDate last = LocalDate.parse(end.get().value());
                return last.isBefore(today) ? Optional.of(SlotValue.impossible()) : interval(today, last);
            }
        }
        // "in December": the whole month, the coming one when it is past this year; a bare month only by its full
        // name, and "May" only after "in" ("the deadline may move" is no period)
        Month named = w.size() == 1 ? MONTHS.get(w.get(0)) : null;
        if (named != null && named.name().equalsIgnoreCase(w.get(0)) && (named != Month.MAY || joined)) {
            YearMonth month = YearMonth.of(today.getYear(), named);
            if (month.isBefore(YearMonth.from(today))) {
                month = month.plusYears(1);
            }
            return interval(month.atDay(1), month.atEndOfMonth());
        }
        // "the week of December seventh": the Monday-to-Sunday week holding that day
        int of = w.size() > 3 && w.get(0).equals("the") ? 1 : 0;
        if (w.size() > of + 2 && w.get(of).equals("week") && w.get(of + 1).equals("of")) {
            Optional<SlotValue> day = date(w.subList(of + 2, w.size()), today);
            if (day.isEmpty() || !day.get().valid()) {
                return day;
            }
            LocalDate start = LocalDate.parse(day.get().value()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return interval(start, start.plusDays(6));
        }
        // "since November first", "since 11/1", "since Monday": from the last such day up to today
        if (w.size() > 1 && w.get(0).equals("since")) {
            Optional<SlotValue> start = date(w.subList(1, w.size()), today);
            if (start.isEmpty() || !start.get().valid()) {
                return start;
            }
            LocalDate first = LocalDate.parse(start.get().value());
            if (first.isAfter(today)) { // a day read as the coming one: a weekday last week, a date last year
                boolean weekday = w.stream().anyMatch(WEEKDAYS::containsKey);
                first = weekday ? first.minusWeeks(1) : first.minusYears(1);
            }
            return interval(first, today);
        }
        // "by Friday", "before the fifteenth", "through next Friday": from today to that day
        if (w.size() > 1 && (w.get(0).equals("by") || w.get(0).equals("before") || w.get(0).equals("until")
                || w.get(0).equals("through") || w.get(0).equals("thru"))) {
            Optional<SlotValue> end = date(w.subList(1, w.size()), today);
            if (end.isEmpty() || !end.get().valid()) {
                return end;
            }
            LocalDate last = LocalDate.parse(end.get().value());
            if (w.get(0).equals("before")) {
                last = last.minusDays(1);
            }
            return last.isBefore(today) ? Optional.of(SlotValue.impossible()) : interval(today, last);
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // "my week", "the rest of our month": the speaker's week is this week
        w = w.stream().map(x -> x.equals("my") || x.equals("our") ? "this" : x).toList();
        String said = String.join(" ", w);
        if (said.equals("todays") || said.equals("tomorrows")) { // "today's deadlines"
            w = List.of(said.substring(0, said.length() - 1));
        }
        switch (String.join(" ", w)) {
            case "this week", "the week", "the current week", "this weeks" -> {
                return interval(monday, monday.plusDays(6));
            }
            case "next week", "the coming week", "the following week", "next weeks" -> {
                return interval(monday.plusWeeks(1), monday.plusWeeks(1).plusDays(6));
            }
            case "the week after next", "week after next" -> {
                return interval(monday.plusWeeks(2), monday.plusWeeks(2).plusDays(6));
            }
            case "last week" -> {
                return interval(monday.minusWeeks(1), monday.minusDays(1));
            }
            case "this month", "the month", "this months" -> {
                return interval(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case "next month", "the coming month", "next months" -> {
                LocalDate first = today.plusMonths(1).withDayOfMonth(1);
                return interval(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case "the rest of the week", "rest of the week", "the rest of this week", "rest of this week" -> {
                return interval(today, monday.plusDays(6));
            }
            case "the rest of the month", "rest of the month", "the rest of this month", "rest of this month" -> {
                return interval(today, today.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case "this weekend", "the weekend" -> {
                return interval(monday.plusDays(5), monday.plusDays(6));
            }
            default -> {
            }
        }
        // "the next ten days", "next two weeks", "the coming 30 days"
        List<String> v = w.get(0).equals("the") ? w.subList(1, w.size()) : w;
        if (v.size() >= 3 && (v.get(0).equals("next") || v.get(0).equals("coming"))) {
            String unit = v.get(v.size() - 1);
            OptionalInt count = SpokenNumbers.cardinal(v.subList(1, v.size() - 1), 1, 366);
            if (count.isPresent()) {
                int c = count.getAsInt();
                switch (unit) {
                    case "days" -> {
                        return interval(today, today.plusDays(c - 1L));
                    }
                    case "weeks" -> {
                        return interval(today, today.plusWeeks(c).minusDays(1));
                    }
                    case "months" -> {
                        return interval(today, today.plusMonths(c).minusDays(1));
                    }
                    default -> {
                    }
                }
            }
        }
        return date(w, today).map(d -> d.valid() ? SlotValue.of(d.value() + "/" + d.value()) : d);
    }

    private static Optional<SlotValue> interval(LocalDate from, LocalDate to) {
        return Optional.of(SlotValue.of(from + "/" + to));
    }
}
