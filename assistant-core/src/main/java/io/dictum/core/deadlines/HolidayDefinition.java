package io.dictum.core.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A day the court counts as closed, as data: a fixed date every year ({@code month} and {@code day}), the n-th
 * weekday of a month ({@code weekday} and {@code nth}, -1 for the last), or one date ({@code date}). With
 * {@code observed} a fixed-date holiday on a Saturday is also kept on the Friday before, one on a Sunday on the
 * Monday after (5 U.S.C. 6103(b)).
 */
public record HolidayDefinition(String name, Kind kind, LocalDate date, Integer month, Integer day,
                                DayOfWeek weekday, Integer nth, boolean observed, Integer fromYear,
                                Integer untilYear) {

    /** What makes the day count. */
    public enum Kind {
        /** FRCP 6(a)(6)(A) and (B), FRAP 26(a)(6)(A) and (B): counted in both directions. */
        LEGAL_HOLIDAY("legal_holiday"),
        /** FRCP 6(a)(6)(C): a state holiday counts only for periods measured after an event. */
        STATE_HOLIDAY("state_holiday"),
        /** FRCP 6(a)(3): the clerk's office is inaccessible (weather, closure); counted in both directions. */
        CLOSURE("closure");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Kind parse(String text) {
            if (text == null || text.isBlank()) {
                return LEGAL_HOLIDAY;
            }
            for (Kind k : values()) {
                if (k.id.equalsIgnoreCase(text.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("holiday kind '" + text
                    + "' must be legal_holiday, state_holiday or closure");
        }
    }

    /** A closed day produced by a definition. */
    public record Occurrence(LocalDate date, String label, Kind kind) {
    }

    public HolidayDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every holiday needs a name");
        }
        boolean fixed = month != null && day != null && weekday == null;
        boolean floating = month != null && day == null && weekday != null && nth != null;
        boolean once = date != null && month == null && day == null && weekday == null;
        if (!(fixed || floating || once)) {
            throw new IllegalArgumentException("holiday '" + name + "' needs either date, or month and day, or month,"
                    + " weekday and nth");
        }
        if (floating && (nth == 0 || nth < -1 || nth > 5)) {
            throw new IllegalArgumentException("holiday '" + name + "': nth must be 1 to 5, or -1 for the last");
        }
        if (fixed) {
            LocalDate.of(2024, month, day); // a leap year: rejects 2-30, accepts 2-29
        }
    }

    /** The closed days this definition produces for the holiday of the given year (which may fall in another). */
    List<Occurrence> occurrencesFor(int year) {
        List<Occurrence> out = new ArrayList<>();
        if ((fromYear != null && year < fromYear) || (untilYear != null && year > untilYear)) {
            return out;
        }
        LocalDate actual;
        if (date != null) {
            if (date.getYear() != year) {
                return out;
            }
            actual = date;
        } else if (weekday != null) {
            LocalDate first = LocalDate.of(year, month, 1);
            actual = nth == -1 ? first.with(TemporalAdjusters.lastInMonth(weekday))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
            if (actual.getMonthValue() != month) {
                return out;
            }
        } else {
            if (month == 2 && day == 29 && !java.time.Year.isLeap(year)) {
                return out;
            }
            actual = LocalDate.of(year, month, day);
        }
        out.add(new Occurrence(actual, name, kind));
        if (observed && actual.getDayOfWeek() == DayOfWeek.SATURDAY) {
            out.add(new Occurrence(actual.minusDays(1), name + " (observed)", kind));
        } else if (observed && actual.getDayOfWeek() == DayOfWeek.SUNDAY) {
            out.add(new Occurrence(actual.plusDays(1), name + " (observed)", kind));
        }
        return out;
    }
}
