package io.dictum.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves forward by hand, in UTC. Either it stands at a given instant until moved ({@link #at}), for
 * tests that compute exact durations, or it follows the system clock plus what the test added ({@link #system}), for
 * a shared application context whose other tests need real time. It only ever moves forward, so code that ran
 * earlier never sees time go back.
 */
public final class AdjustableClock extends Clock {

    private final Instant start;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    private AdjustableClock(Instant start) {
        this.start = start;
    }

    /** Stands at {@code start} until advanced. */
    public static AdjustableClock at(Instant start) {
        return new AdjustableClock(start);
    }

    /** The system clock, moved forward by every {@link #advance}. */
    public static AdjustableClock system() {
        return new AdjustableClock(null);
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        ahead.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        AdjustableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(ahead.get());
    }
}
