package io.dictum.core.billing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * LEDES 1998B: the line {@code LEDES1998B[]}, the line of the 24 field names, then one line per invoice line, the
 * fields separated by {@code |} and each line ended by {@code []} and CR LF. Dates are YYYYMMDD, amounts plain
 * decimals with two places. Text is made ASCII (accents dropped, anything else a {@code ?}) and has any {@code |},
 * {@code []} and line breaks replaced, so it can never break the format. Invoice-level lines (discount, tax) are
 * IF/IE lines whose amount is in LINE_ITEM_ADJUSTMENT_AMOUNT and LINE_ITEM_TOTAL; INVOICE_TOTAL is the sum of all
 * LINE_ITEM_TOTALs.
 */
@Component
public class LedesRenderer implements InvoiceRenderer {

    public static final List<String> FIELDS = List.of("INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID",
            "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL", "BILLING_START_DATE", "BILLING_END_DATE", "INVOICE_DESCRIPTION",
            "LINE_ITEM_NUMBER", "EXP/FEE/INV_ADJ_TYPE", "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT",
            "LINE_ITEM_TOTAL", "LINE_ITEM_DATE", "LINE_ITEM_TASK_CODE", "LINE_ITEM_EXPENSE_CODE",
            "LINE_ITEM_ACTIVITY_CODE", "TIMEKEEPER_ID", "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID",
            "LINE_ITEM_UNIT_COST", "TIMEKEEPER_NAME", "TIMEKEEPER_CLASSIFICATION", "CLIENT_MATTER_ID");

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String EOL = "\r\n";

    private final String lawFirmId;

    public LedesRenderer(BillingProperties properties) {
        this.lawFirmId = properties.lawFirmId();
    }

    @Override
    public String format() {
        return "ledes";
    }

    @Override
    public String mediaType() {
        return "text/plain;charset=US-ASCII";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public Mono<byte[]> render(Invoice invoice) {
        return Mono.fromCallable(() -> ledes(invoice));
    }

    byte[] ledes(Invoice invoice) {
        StringBuilder out = new StringBuilder("LEDES1998B[]").append(EOL);
        out.append(String.join("|", FIELDS)).append("[]").append(EOL);
        String description = text("Legal services: " + invoice.caseTitle() + ", " + invoice.periodFrom() + " to "
                + invoice.periodTo(), 2000);
        for (InvoiceLine line : invoice.lines()) {
            boolean adjustment = line.kind().invoiceLevel();
            List<String> fields = List.of(
                    date(invoice.invoiceDate()),
                    text(invoice.number(), 20),
                    clientId(invoice),
                    text(invoice.caseNumber(), 20),
                    amount(invoice.total()),
                    date(invoice.periodFrom()),
                    date(invoice.periodTo()),
                    description,
                    Integer.toString(line.number()),
                    line.kind().ledesType(),
                    adjustment ? "" : amount(line.units()),
                    amount(line.adjustment()),
                    amount(line.total()),
                    date(line.date()),
                    code(line.taskCode()),
                    code(line.expenseCode()),
                    code(line.activityCode()),
                    text(line.timekeeperUsername(), 20),
                    text(line.description(), 1000),
                    text(lawFirmId, 20),
                    adjustment ? "" : amount(line.unitCost()),
                    timekeeperName(line.timekeeperName()),
                    text(line.timekeeperClassification(), 10),
                    "");
            out.append(String.join("|", fields)).append("[]").append(EOL);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The firm's client code: the client contact's id, hex without dashes, cut to the 20 characters allowed. */
    static String clientId(Invoice invoice) {
        return invoice.clientId().value().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    /** "Alexandra Hale" becomes "Hale, Alexandra", as LEDES asks (last name first), at most 30 characters. */
    static String timekeeperName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "";
        }
        String[] words = displayName.strip().split("\\s+");
        String name = words.length == 1 ? words[0]
                : words[words.length - 1] + ", " + String.join(" ", List.of(words).subList(0, words.length - 1));
        return text(name, 30);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.setScale(2, Money.ROUNDING).toPlainString();
    }

    private static String code(String code) {
        return code == null ? "" : code;
    }

    static String text(String value, int max) {
        if (value == null) {
            return "";
        }
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder sb = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            sb.append(c == '|' || c < 0x20 || c == 0x7f ? ' ' : c > 0x7e ? '?' : c);
        }
        String clean = sb.toString().replace("[]", "[ ]").replaceAll(" {2,}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max).strip();
    }
}
