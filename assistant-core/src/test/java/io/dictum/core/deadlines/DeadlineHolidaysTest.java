package io.dictum.core.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeadlineHolidaysTest {

    private static final CourtCalendar FEDERAL = RuleSetLibrary.builtIn().find("FRCP").orElseThrow().calendar();

    private static Map<LocalDate, String> holidays(int year) {
        return FEDERAL.holidaysIn(year).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(HolidayDefinition.Occurrence::label).collect(Collectors.joining("+")),
                (a, b) -> a, java.util.TreeMap::new));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void federalHolidays2026() {
        // New Year Thu; MLK 3rd Mon Jan (5, 12, 19); Washington 3rd Mon Feb (2, 9, 16); Memorial last Mon May;
        // Juneteenth Fri; July 4 Sat → observed Fri July 3; Labor 1st Mon Sep; Columbus 2nd Mon Oct (5, 12);
        // Veterans Wed; Thanksgiving 4th Thu Nov (5, 12, 19, 26); Christmas Fri.
        assertThat(holidays(2026)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(d("2026-01-01"), "New Year's Day"),
                Map.entry(d("2026-01-19"), "Birthday of Martin Luther King, Jr."),
                Map.entry(d("2026-02-16"), "Washington's Birthday"),
                Map.entry(d("2026-05-25"), "Memorial Day"),
                Map.entry(d("2026-06-19"), "Juneteenth National Independence Day"),
                Map.entry(d("2026-07-03"), "Independence Day (observed)"),
                Map.entry(d("2026-07-04"), "Independence Day"),
                Map.entry(d("2026-09-07"), "Labor Day"),
                Map.entry(d("2026-10-12"), "Columbus Day"),
                Map.entry(d("2026-11-11"), "Veterans Day"),
                Map.entry(d("2026-11-26"), "Thanksgiving Day"),
                Map.entry(d("2026-12-25"), "Christmas Day"))));
    }

    @Test
    void federalHolidays2027IncludeNewYears2028ObservedOnFridayDecember31() {
        // New Year Fri; MLK Jan 18; Washington Feb 15; Memorial May 31; Juneteenth Sat → Fri June 18; July 4 Sun →
        // Mon July 5; Labor Sep 6; Columbus Oct 11; Veterans Thu; Thanksgiving Nov 25; Christmas Sat → Fri Dec 24;
        // New Year's Day 2028 is a Saturday → observed Fri Dec 31 2027.
        assertThat(holidays(2027)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(d("2027-01-01"), "New Year's Day"),
                Map.entry(d("2027-01-18"), "Birthday of Martin Luther King, Jr."),
                Map.entry(d("2027-02-15"), "Washington's Birthday"),
                Map.entry(d("2027-05-31"), "Memorial Day"),
                Map.entry(d("2027-06-18"), "Juneteenth National Independence Day (observed)"),
                Map.entry(d("2027-06-19"), "Juneteenth National Independence Day"),
                Map.entry(d("2027-07-04"), "Independence Day"),
                Map.entry(d("2027-07-05"), "Independence Day (observed)"),
                Map.entry(d("2027-09-06"), "Labor Day"),
                Map.entry(d("2027-10-11"), "Columbus Day"),
                Map.entry(d("2027-11-11"), "Veterans Day"),
                Map.entry(d("2027-11-25"), "Thanksgiving Day"),
                Map.entry(d("2027-12-24"), "Christmas Day (observed)"),
                Map.entry(d("2027-12-25"), "Christmas Day"),
                Map.entry(d("2027-12-31"), "New Year's Day (observed)"))));
    }

    @Test
    void federalHolidays2028() {
        // New Year Sat (observed the year before); MLK Jan 17; Washington Feb 21; Memorial May 29; Juneteenth Mon;
        // July 4 Tue; Labor Sep 4; Columbus Oct 9; Veterans Sat → Fri Nov 10; Thanksgiving Nov 23; Christmas Mon.
        assertThat(holidays(2028)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(d("2028-01-01"), "New Year's Day"),
                Map.entry(d("2028-01-17"), "Birthday of Martin Luther King, Jr."),
                Map.entry(d("2028-02-21"), "Washington's Birthday"),
                Map.entry(d("2028-05-29"), "Memorial Day"),
                Map.entry(d("2028-06-19"), "Juneteenth National Independence Day"),
                Map.entry(d("2028-07-04"), "Independence Day"),
                Map.entry(d("2028-09-04"), "Labor Day"),
                Map.entry(d("2028-10-09"), "Columbus Day"),
                Map.entry(d("2028-11-10"), "Veterans Day (observed)"),
                Map.entry(d("2028-11-11"), "Veterans Day"),
                Map.entry(d("2028-11-23"), "Thanksgiving Day"),
                Map.entry(d("2028-12-25"), "Christmas Day"))));
    }

    @Test
    void observedDaysAndWeekendsAreClosedInBothDirections() {
        for (Direction dir : Direction.values()) {
            assertThat(FEDERAL.closedBecause(d("2027-12-31"), dir)).hasValue("New Year's Day (observed), a legal"
                    + " holiday");
            assertThat(FEDERAL.closedBecause(d("2028-01-01"), dir)).hasValue("a Saturday and New Year's Day, a legal"
                    + " holiday");
            assertThat(FEDERAL.closedBecause(d("2026-07-05"), dir)).hasValue("a Sunday");
            assertThat(FEDERAL.isOpen(d("2026-12-24"), dir)).isTrue();
            assertThat(FEDERAL.isOpen(d("2026-11-27"), dir)).isTrue();
        }
    }

    @Test
    void anyYearIsComputedAndJuneteenthStartsIn2021() {
        assertThat(holidays(2020)).doesNotContainKey(d("2020-06-19"));
        assertThat(holidays(2021)).containsKey(d("2021-06-18")); // June 19 2021 was a Saturday
        // 2033: New Year Sat → observed Fri Dec 31 2032; Christmas 2033 Sun → Mon Dec 26.
        assertThat(holidays(2032)).containsKey(d("2032-12-31"));
        assertThat(holidays(2033)).containsKeys(d("2033-01-01"), d("2033-12-26"));
        assertThat(holidays(2100)).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void stateHolidaysCountOnlyForwardAndClosuresCountBothWays() {
        CourtCalendar ny = FEDERAL.with(List.of(
                new HolidayDefinition("Lincoln's Birthday", HolidayDefinition.Kind.STATE_HOLIDAY, null, 2, 12, null,
                        null, true, null, null),
                new HolidayDefinition("Snow closure", HolidayDefinition.Kind.CLOSURE, d("2026-03-10"), null, null,
                        null, null, false, null, null)));
        assertThat(ny.isOpen(d("2026-02-12"), Direction.AFTER)).isFalse();
        assertThat(ny.isOpen(d("2026-02-12"), Direction.BEFORE)).isTrue();
        assertThat(ny.isOpen(d("2026-03-10"), Direction.AFTER)).isFalse();
        assertThat(ny.isOpen(d("2026-03-10"), Direction.BEFORE)).isFalse();
        assertThat(ny.isOpen(d("2027-03-10"), Direction.AFTER)).isTrue();
        // Lincoln's Birthday 2028 is a Saturday: observed Friday Feb 11.
        assertThat(ny.closedBecause(d("2028-02-11"), Direction.AFTER)).hasValue("Lincoln's Birthday (observed), a"
                + " state legal holiday");
    }
}
