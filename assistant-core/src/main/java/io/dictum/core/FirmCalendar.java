package io.dictum.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The application's clock read in the firm's time zone, so every service agrees on the firm's day: at 9 p.m. in New
 * York it is already tomorrow in UTC. Timestamps still come from the {@link Clock} itself.
 */
public final class FirmCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public FirmCalendar(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The firm's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** Today's date in the firm's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The firm's day at a stored timestamp, whatever its offset: timestamps are stored in UTC, where 9 p.m. in New
     * York is already the next day.
     */
    public LocalDate dayOf(OffsetDateTime at) {
        return LocalDate.ofInstant(at.toInstant(), zone);
    }

    /** The current time in the firm's time zone. */
    public ZonedDateTime now() {
        return ZonedDateTime.ofInstant(clock.instant(), zone);
    }

    @Override
    public String toString() {
        return "FirmCalendar[" + zone.getId() + "]";
    }
}
