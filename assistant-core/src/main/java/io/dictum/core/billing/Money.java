package io.dictum.core.billing;

import io.dictum.core.errors.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is BigDecimal with two decimals. Every computed amount (hours times rate, a percentage of a subtotal) is
 * rounded once to the cent, half up; sums of rounded amounts are exact and need no rounding.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal MAX = new BigDecimal("9999999999.99");

    private Money() {
    }

    public static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /** {@code percent} % of {@code amount}, rounded to the cent. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return cents(amount.multiply(percent).divide(HUNDRED));
    }

    /** A money amount given by a user: not negative, at most two decimals, never silently rounded. */
    public static BigDecimal parse(String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            throw new InvalidInputException(field + " is required, e.g. 250.00");
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            throw new InvalidInputException(field + " must be " + (zeroAllowed ? "0 or more" : "more than 0")
                    + "; got " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidInputException(field + " " + value.toPlainString() + " has more than two decimals;"
                    + " give whole cents");
        }
        if (value.compareTo(MAX) > 0) {
            throw new InvalidInputException(field + " " + value.toPlainString() + " is larger than " + MAX);
        }
        return value.setScale(SCALE);
    }

    /** A percentage between 0 and 100 with at most two decimals. */
    public static BigDecimal percent(String field, BigDecimal value) {
        if (value == null) {
            return ZERO;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidInputException(field + " must be a percentage between 0 and 100 with at most two"
                    + " decimals; got " + value.toPlainString());
        }
        return value.setScale(SCALE);
    }
}
