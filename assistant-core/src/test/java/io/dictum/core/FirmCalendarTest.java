package io.dictum.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.testing.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    @Test
    void aStoredTimestampFallsOnTheFirmsDay() {
        FirmCalendar calendar = new FirmCalendar(AdjustableClock.at(Instant.parse("2026-12-01T12:00:00Z")), NEW_YORK);
        // stored at 02:00 UTC on Saturday: 21:00 on Friday in New York, whatever the clock says now
        assertThat(calendar.dayOf(OffsetDateTime.parse("2026-11-28T02:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.dayOf(OffsetDateTime.parse("2026-11-28T05:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
        // the same instant read back with another offset is the same day
        assertThat(calendar.dayOf(OffsetDateTime.of(2026, 11, 28, 7, 0, 0, 0, ZoneOffset.ofHours(5))))
                .isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
