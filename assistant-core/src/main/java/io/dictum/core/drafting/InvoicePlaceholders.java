package io.dictum.core.drafting;

import io.dictum.core.drafting.Placeholders.Placeholder;
import io.dictum.core.drafting.Placeholders.Type;
import io.dictum.templates.docx.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The placeholders of invoice templates (kind {@code invoice}): the invoice, its lines and totals, and the firm. An
 * invoice template is checked against these instead of the case file's, because an invoice is filled from the
 * invoice as stored, never from the case file as it is today. Every amount and date arrives already written as an
 * invoice writes it ("$1,250.00", "March 3, 2026"), so the document's figures are the stored ones, to the cent.
 */
public final class InvoicePlaceholders {

    /** The template kind that marks an invoice template. */
    public static final String KIND = "invoice";

    /** The fields of every item of {@code Lines}, {@code Fees}, {@code Expenses} and {@code Adjustments}. */
    public static final List<String> LINE_FIELDS = List.of("Number", "Date", "Type", "Timekeeper", "Description",
            "TaskCode", "ActivityCode", "ExpenseCode", "Units", "Rate", "WriteDown", "Amount");

    private static final Map<String, Placeholder> ALL = new LinkedHashMap<>();

    private static void add(String name, Type type, String source, String description, Object sample) {
        ALL.put(name, new Placeholder(name, type, source, description, sample, List.of()));
    }

    private static void list(String name, String description) {
        Map<String, Object> sample = new LinkedHashMap<>();
        List.of("1", "March 2, 2026", "Fee", "Alexandra Hale", "Call with the adjuster", "L120", "A106", "", "0.3",
                "$350.00", "", "$105.00").forEach(v -> sample.put(LINE_FIELDS.get(sample.size()), v));
        ALL.put(name, new Placeholder(name, Type.LIST, "invoice", description, List.of(sample), LINE_FIELDS));
    }

    static {
        add("InvoiceNumber", Type.TEXT, "invoice", "the invoice number", "INV-000042");
        add("InvoiceDate", Type.DATE, "invoice", "the invoice date", "March 3, 2026");
        add("InvoiceStatus", Type.TEXT, "invoice", "draft, issued, paid or void", "issued");
        add("InvoiceDraft", Type.TEXT, "invoice", "present only while the invoice is a draft (for [#if InvoiceDraft])",
                "");
        add("InvoiceVoid", Type.TEXT, "invoice", "present only when the invoice is void (for [#if InvoiceVoid])", "");
        add("PeriodFrom", Type.DATE, "invoice", "the first day billed", "February 1, 2026");
        add("PeriodTo", Type.DATE, "invoice", "the last day billed", "February 28, 2026");
        add("CaseNumber", Type.TEXT, "invoice", "the case number", "2025-PI-0012");
        add("CaseTitle", Type.TEXT, "invoice", "the case title", "Miller v. Acme Trucking");
        add("ClientName", Type.TEXT, "invoice", "the client billed", "Sarah Miller");
        add("Currency", Type.TEXT, "invoice", "the ISO 4217 currency code", "USD");
        add("FeesTotal", Type.MONEY, "invoice", "fees after write-downs", "$1,050.00");
        add("ExpensesTotal", Type.MONEY, "invoice", "expenses after write-downs", "$30.00");
        add("DiscountPercent", Type.TEXT, "invoice", "the discount in percent, present only when there is one", "5");
        add("DiscountTotal", Type.MONEY, "invoice", "the discount (negative), present only when there is one",
                "-$52.50");
        add("TaxPercent", Type.TEXT, "invoice", "the tax rate in percent, present only when there is tax", "6");
        add("TaxTotal", Type.MONEY, "invoice", "the tax, present only when there is tax", "$61.65");
        add("InvoiceTotal", Type.MONEY, "invoice", "the amount due: the sum of every line", "$1,089.15");
        add("HoursTotal", Type.TEXT, "invoice", "the hours billed on fee lines", "3.0");
        add("LawFirmId", Type.TEXT, "firm", "the firm's taxpayer id (dictum.billing.law-firm-id)", "12-3456789");
        list("Lines", "every line in order: fees, expenses, then discount and tax");
        list("Fees", "the fee lines");
        list("Expenses", "the expense lines");
        list("Adjustments", "the invoice-level lines: discount and tax");
        for (String firm : List.of("FirmName", "FirmAddress", "FirmPhone", "FirmEmail")) {
            Placeholder p = Placeholders.all().stream().filter(x -> x.name().equals(firm)).findFirst().orElseThrow();
            ALL.put(firm, p);
        }
    }

    private InvoicePlaceholders() {
    }

    public static boolean isInvoiceKind(String documentKind) {
        return documentKind != null && documentKind.strip().toLowerCase(Locale.ROOT).equals(KIND);
    }

    public static List<Placeholder> all() {
        return List.copyOf(ALL.values());
    }

    public static Vocabulary vocabulary() {
        return Placeholders.vocabularyOf(ALL.values());
    }

    /** A sample for every invoice placeholder, for previews of invoice templates. */
    public static Map<String, Object> samples() {
        Map<String, Object> values = new LinkedHashMap<>();
        ALL.values().forEach(p -> values.put(p.name(), p.sample() instanceof List<?> l ? new ArrayList<>(l)
                : Placeholders.format(p.name(), p.sample())));
        return values;
    }
}
