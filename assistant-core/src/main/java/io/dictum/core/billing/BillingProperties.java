package io.dictum.core.billing;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time and billing settings, bound from {@code dictum.billing.*} (environment: {@code DICTUM_BILLING_INCREMENT_HOURS},
 * {@code DICTUM_BILLING_ROUNDING}, {@code DICTUM_BILLING_TAX_PERCENT}, {@code DICTUM_BILLING_TAX_FEES},
 * {@code DICTUM_BILLING_TAX_EXPENSES}, {@code DICTUM_BILLING_CURRENCY}, {@code DICTUM_BILLING_LAW_FIRM_ID}).
 *
 * @param incrementHours the billing increment in hours, at most two decimals and at most one hour (default 0.1)
 * @param rounding how worked minutes become billed increments: {@code up} (default), {@code nearest} or {@code down}
 * @param taxPercent tax on invoices in percent, up to four decimals (default 0: no tax line)
 * @param taxFees whether the tax applies to fees (after discounts; default true)
 * @param taxExpenses whether the tax applies to expenses (default false)
 * @param currency ISO 4217 code shown on invoices (default USD)
 * @param lawFirmId LEDES LAW_FIRM_ID: the firm's taxpayer id (default empty; e-billing systems require it)
 */
@ConfigurationProperties("dictum.billing")
public record BillingProperties(BigDecimal incrementHours, Rounding rounding, BigDecimal taxPercent, Boolean taxFees,
                                Boolean taxExpenses, String currency, String lawFirmId) {

    public enum Rounding { UP, NEAREST, DOWN }

    public BillingProperties {
        incrementHours = incrementHours == null ? new BigDecimal("0.1") : incrementHours;
        if (incrementHours.signum() <= 0 || incrementHours.compareTo(BigDecimal.ONE) > 0
                || incrementHours.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("dictum.billing.increment-hours must be more than 0 and at most 1,"
                    + " with at most two decimals (0.1 is six minutes, 0.25 a quarter hour); got " + incrementHours);
        }
        rounding = rounding == null ? Rounding.UP : rounding;
        taxPercent = taxPercent == null ? BigDecimal.ZERO : taxPercent;
        if (taxPercent.signum() < 0 || taxPercent.compareTo(new BigDecimal("100")) > 0
                || taxPercent.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("dictum.billing.tax-percent must be between 0 and 100 with at most"
                    + " four decimals; got " + taxPercent);
        }
        taxFees = taxFees == null || taxFees;
        taxExpenses = taxExpenses != null && taxExpenses;
        currency = currency == null || currency.isBlank() ? "USD" : currency.strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("dictum.billing.currency must be an ISO 4217 code such as USD; got "
                    + currency);
        }
        lawFirmId = lawFirmId == null ? "" : lawFirmId.strip();
    }

    public static BillingProperties defaults() {
        return new BillingProperties(null, null, null, null, null, null, null);
    }
}
