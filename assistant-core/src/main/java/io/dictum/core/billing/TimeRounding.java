package io.dictum.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns minutes worked into hours billed: a whole number of increments (0.1 h = 6 minutes by default), rounded up
 * by default so that any started increment is billed (1 minute bills 0.1 h, 6 minutes 0.1 h, 7 minutes 0.2 h);
 * {@code nearest} rounds half up, {@code down} drops a started increment. Zero minutes bill zero hours.
 */
public record TimeRounding(BigDecimal incrementHours, BillingProperties.Rounding rounding) {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public static TimeRounding of(BillingProperties properties) {
        return new TimeRounding(properties.incrementHours(), properties.rounding());
    }

    public BigDecimal billedHours(long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        BigDecimal incrementMinutes = incrementHours.multiply(SIXTY);
        RoundingMode mode = switch (rounding) {
            case UP -> RoundingMode.CEILING;
            case NEAREST -> RoundingMode.HALF_UP;
            case DOWN -> RoundingMode.FLOOR;
        };
        BigDecimal increments = BigDecimal.valueOf(minutes).divide(incrementMinutes, 0, mode);
        return increments.multiply(incrementHours).setScale(2, RoundingMode.UNNECESSARY);
    }
}
