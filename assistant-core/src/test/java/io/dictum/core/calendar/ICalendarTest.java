package io.dictum.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The RFC 5545 content-line rules, one by one. */
class ICalendarTest {

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndNewLines() {
        assertThat(ICalendar.text("Miller v. Acme, Inc.; served\nby mail\\clerk\r\nend"))
                .isEqualTo("Miller v. Acme\\, Inc.\\; served\\nby mail\\\\clerk\\nend");
        assertThat(ICalendar.text("plain: colons stay")).isEqualTo("plain: colons stay");
    }

    @Test
    void linesEndInCrlfAndFoldAt75OctetsWithALeadingSpace() {
        String value = "x".repeat(200);
        String out = new ICalendar().line("DESCRIPTION", value).toString();
        assertThat(out).endsWith("\r\n");
        String[] lines = out.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].length()).isEqualTo(75);
        assertThat(lines[1]).startsWith(" ");
        assertThat(lines[1].length()).isEqualTo(75);
        assertThat(String.join("", lines[0], lines[1].substring(1), lines[2].substring(1)))
                .isEqualTo("DESCRIPTION:" + value);
    }

    @Test
    void foldingNeverSplitsAMultiByteCharacter() {
        String value = "§é€😀".repeat(40);
        String out = new ICalendar().line("SUMMARY", value).toString();
        StringBuilder unfolded = new StringBuilder();
        for (String line : out.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            // a line that decodes and encodes back to the same bytes holds whole characters only
            assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
            unfolded.append(unfolded.isEmpty() ? line : line.substring(1));
        }
        assertThat(unfolded.toString()).isEqualTo("SUMMARY:" + value);
    }

    @Test
    void shortLinesAreNotFoldedAndDatesAreBasicFormat() {
        assertThat(new ICalendar().line("DTSTART;VALUE=DATE", ICalendar.date(LocalDate.of(2027, 1, 4))).toString())
                .isEqualTo("DTSTART;VALUE=DATE:20270104\r\n");
        assertThat(ICalendar.utc(Instant.parse("2026-11-27T09:05:03Z"))).isEqualTo("20261127T090503Z");
        String exactly75 = "A".repeat(75 - "X:".length());
        assertThat(new ICalendar().line("X", exactly75).toString()).isEqualTo("X:" + exactly75 + "\r\n");
    }
}
