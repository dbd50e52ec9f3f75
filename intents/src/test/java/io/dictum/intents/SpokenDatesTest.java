package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenDatesTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static Optional<SlotValue> date(String spoken) {
        return SpokenDates.date(SpeechNormaliser.words(spoken), TODAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "today | 2026-11-25", "tomorrow | 2026-11-26", "yesterday | 2026-11-24",
            "the day after tomorrow | 2026-11-27",
            "this morning | 2026-11-25", "tomorrow morning | 2026-11-26", "friday afternoon | 2026-11-27",
            // a bare weekday is the next one after today; "this" is this week's; "next" is next week's
            "friday | 2026-11-27", "wednesday | 2026-12-02", "monday | 2026-11-30",
            "this friday | 2026-11-27", "this wednesday | 2026-11-25", "this monday | 2026-11-30",
            "next friday | 2026-12-04", "next monday | 2026-11-30", "last friday | 2026-11-20",
            "friday next week | 2026-12-04",
            // typed short
            "fri | 2026-11-27", "next wed | 2026-12-02", "thurs | 2026-11-26", "tue | 2026-12-01",
            "in two weeks | 2026-12-09", "in 3 days | 2026-11-28", "in a week | 2026-12-02",
            "two weeks from today | 2026-12-09", "in one month | 2026-12-25", "a week from now | 2026-12-02",
            // an offset counts from the date named
            "a week from monday | 2026-12-07", "two weeks from tomorrow | 2026-12-10",
            "ten days from march third | 2027-03-13", "three days from next friday | 2026-12-07",
            "end of the month | 2026-11-30", "the end of next month | 2026-12-31", "end of the week | 2026-11-27",
            "end of the year | 2026-12-31",
            // a month and day already past this year is next year's
            "march third | 2027-03-03", "March 3rd | 2027-03-03", "march the third | 2027-03-03",
            "december fifteenth | 2026-12-15", "november twenty fifth | 2026-11-25", "november twentieth | 2027-11-20",
            "the third of march | 2027-03-03", "the 15th of december | 2026-12-15",
            "march 3rd 2027 | 2027-03-03", "march third twenty twenty seven | 2027-03-03",
            "january fifth two thousand twenty seven | 2027-01-05", "february 29 2028 | 2028-02-29",
            // a day alone is this month's when not past, else next month's
            "the twenty first | 2026-12-21", "the 30th | 2026-11-30", "the twenty fifth | 2026-11-25",
            "3/15 | 2027-03-15", "12/18 | 2026-12-18", "3/15/2027 | 2027-03-15", "1/4/27 | 2027-01-04",
            "2026-03-03 | 2026-03-03", "friday december fourth | 2026-12-04"})
    void readsSpokenDates(String spoken, String iso) {
        assertThat(date(spoken)).contains(SlotValue.of(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"february thirtieth", "february 30", "april thirty first", "2/30", "13/1",
            "the thirty first", "february twenty ninth", "february 29 2027", "2026-02-30", "monday december fourth",
            "march thirty second", "march forty", "a week from february thirtieth"})
    void anImpossibleDateIsReportedNotMoved(String spoken) {
        assertThat(date(spoken)).contains(SlotValue.impossible());
    }

    @ParameterizedTest
    @ValueSource(strings = {"the hospital", "march", "next", "thirty minutes", "the complaint", "in the morning",
            "friday the", "soon", "weekly", "in two", "second", "third", "twenty first", "the hearing from monday"})
    void wordsThatAreNoDateAreNone(String spoken) {
        assertThat(date(spoken)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // business hours without am or pm: 7-11 morning, 12 noon, 1-6 afternoon
            "ten | 10:00", "seven | 07:00", "eleven | 11:00", "twelve | 12:00", "one | 13:00", "six | 18:00",
            "ten thirty | 10:30", "nine fifteen | 09:15", "ten oh five | 10:05", "two forty five | 14:45",
            "2 pm | 14:00", "2pm | 14:00", "ten am | 10:00", "7 p m | 19:00", "nine pm | 21:00", "12 am | 00:00",
            "10:30 | 10:30", "14:30 | 14:30", "2:15pm | 14:15", "noon | 12:00", "midnight | 00:00",
            "half past two | 14:30", "quarter past ten | 10:15", "quarter to three | 14:45",
            "three oclock | 15:00", "nine in the morning | 09:00", "five in the afternoon | 17:00",
            "six in the evening | 18:00", "8 tonight | 20:00"})
    void readsTimesOfDay(String spoken, String time) {
        assertThat(SpokenDates.time(SpeechNormaliser.words(spoken)).map(SlotValue::value)).contains(time);
    }

    @Test
    void aLoneNumberIsATimeOnlyByWhereItIsSaid() {
        // it weighs nothing against other readings of the words ("March second twenty twenty seven" is no hour)
        assertThat(SpokenDates.time(List.of("seven"))).contains(SlotValue.loose("07:00"));
        assertThat(SpokenDates.time(List.of("ten", "thirty"))).contains(SlotValue.of("10:30"));
        assertThat(SpokenDates.time(List.of("7", "pm"))).contains(SlotValue.of("19:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thirteen", "ten sixty", "25:00", "the morning", "oclock", "2 pm pm", "tomorrow"})
    void wordsThatAreNoTimeAreNone(String spoken) {
        assertThat(SpokenDates.time(SpeechNormaliser.words(spoken))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "this week | 2026-11-23/2026-11-29", "next week | 2026-11-30/2026-12-06",
            "the week after next | 2026-12-07/2026-12-13",
            "last week | 2026-11-16/2026-11-22", "today | 2026-11-25/2026-11-25",
            "tomorrow | 2026-11-26/2026-11-26", "this month | 2026-11-01/2026-11-30",
            "next month | 2026-12-01/2026-12-31", "the next ten days | 2026-11-25/2026-12-04",
            "in the next two weeks | 2026-11-25/2026-12-08", "the rest of the week | 2026-11-25/2026-11-29",
            "the rest of my week | 2026-11-25/2026-11-29", "my month | 2026-11-01/2026-11-30",
            "for friday | 2026-11-27/2026-11-27", "on friday | 2026-11-27/2026-11-27",
            "by friday | 2026-11-25/2026-11-27", "before the first | 2026-11-25/2026-11-30",
            "through next friday | 2026-11-25/2026-12-04",
            "between now and friday | 2026-11-25/2026-11-27", "from today through the first | 2026-11-25/2026-12-01",
            "the next thirty days | 2026-11-25/2026-12-24",
            // since a day: the last such day up to today
            "since monday | 2026-11-23/2026-11-25", "since 11/1 | 2026-11-01/2026-11-25",
            "since november first | 2026-11-01/2026-11-25", "since december first | 2025-12-01/2026-11-25",
            // the Monday-to-Sunday week holding the day named
            "the week of december seventh | 2026-12-07/2026-12-13", "week of december ninth | 2026-12-07/2026-12-13",
            // a month said by name is the coming one: December this year, March next year
            "in december | 2026-12-01/2026-12-31", "december | 2026-12-01/2026-12-31",
            "in march | 2027-03-01/2027-03-31", "in may | 2027-05-01/2027-05-31", "november | 2026-11-01/2026-11-30"})
    void readsPeriodsAsIsoIntervals(String spoken, String interval) {
        assertThat(SpokenDates.period(SpeechNormaliser.words(spoken), TODAY)).contains(SlotValue.of(interval));
    }

    @ParameterizedTest
    @ValueSource(strings = {"may", "dec", "between now and", "between friday and monday"})
    void wordsThatAreNoPeriodAreNone(String spoken) {
        assertThat(SpokenDates.period(SpeechNormaliser.words(spoken), TODAY)).isEmpty();
    }
}
