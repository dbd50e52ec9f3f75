package io.dictum.templates.docx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Dates, money and lists written as legal documents write them. */
public final class LegalFormat {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private LegalFormat() {
    }

    /** {@code March 3, 2026}. */
    public static String date(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** {@code $40,000.00}; negative amounts as {@code -$1,250.00}. */
    public static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        String digits = format.format(rounded.abs());
        return (rounded.signum() < 0 ? "-$" : "$") + digits;
    }

    /**
     * An amount in a currency: US dollars as {@link #money(BigDecimal)} writes them, any other ISO 4217 currency
     * with its code after the figure ({@code 1,250.00 EUR}, {@code -1,250.00 EUR}), which reads unambiguously in
     * every jurisdiction.
     */
    public static String money(BigDecimal amount, String currency) {
        if (currency == null || currency.isBlank() || currency.equalsIgnoreCase("USD")) {
            return money(amount);
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? "-" : "") + format.format(rounded.abs()) + " "
                + currency.strip().toUpperCase(Locale.ROOT);
    }

    /** Hours as time records write them: {@code 0.3}, {@code 1.0}, {@code 0.25}; at least one decimal. */
    public static String hours(BigDecimal hours) {
        BigDecimal plain = hours.stripTrailingZeros();
        return plain.scale() < 1 ? plain.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : plain.toPlainString();
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    public static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
