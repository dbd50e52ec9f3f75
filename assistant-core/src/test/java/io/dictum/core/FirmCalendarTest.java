package io.dictum.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.testing.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The firm's day follows the firm's zone, not the clock's (UTC), and moves with the clock. */
class FirmCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void betweenMidnightUtcAndMidnightInNewYorkTheFirmsDayIsStillYesterdayInUtc() {
        // Friday 27 November 2026, 21:00 in New York; Saturday 02:00 in UTC
        AdjustableClock clock = AdjustableClock.at(Instant.parse("2026-11-28T02:00:00Z"));
        FirmCalendar calendar = new FirmCalendar(clock, NEW_YORK);
        assertThat(calendar.zone()).isEqualTo(NEW_YORK);
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.now()).isEqualTo(ZonedDateTime.of(2026, 11, 27, 21, 0, 0, 0, NEW_YORK));

        clock.advance(Duration.ofHours(3));
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(calendar.now().getZone()).isEqualTo(NEW_YORK);
    }
}
