package io.dictum.core.billing;

import io.dictum.core.drafting.FirmProperties;
import io.dictum.core.drafting.InvoicePlaceholders;
import io.dictum.core.drafting.StarterTemplates;
import io.dictum.core.drafting.TemplateService;
import io.dictum.templates.docx.DocxPdfRenderer;
import io.dictum.templates.docx.DocxTemplate;
import io.dictum.templates.docx.LegalFormat;
import io.dictum.templates.docx.OnMissing;
import io.dictum.templates.docx.TemplateFormatException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An invoice as a Word document, filled from the invoice as stored: the firm's template of kind {@code invoice}
 * when it has one, else the starter invoice (see {@link TemplateService#invoiceTemplate()}). Every figure is
 * written from the stored amounts, never computed again, so the document's totals are the JSON's to the cent.
 * Filling and PDF conversion run on the bounded elastic scheduler.
 */
@Component
public class InvoiceDocument {

    private final TemplateService templates;
    private final DocxPdfRenderer pdf;
    private final FirmProperties firm;
    private final BillingProperties billing;
    private final DocxTemplate starter;

    public InvoiceDocument(TemplateService templates, DocxPdfRenderer pdf, FirmProperties firm,
                           BillingProperties billing) {
        this.templates = templates;
        this.pdf = pdf;
        this.firm = firm;
        this.billing = billing;
        try {
            this.starter = DocxTemplate.read(StarterTemplates.invoice());
        } catch (TemplateFormatException e) {
            throw new IllegalStateException("the starter invoice template cannot be read", e);
        }
    }

    public Mono<byte[]> docx(Invoice invoice) {
        return templates.invoiceTemplate().map(TemplateService.Loaded::docx).defaultIfEmpty(starter)
                .flatMap(template -> Mono.fromCallable(() -> template.fill(values(invoice), OnMissing.MARK).docx())
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    public Mono<byte[]> pdf(Invoice invoice) {
        return docx(invoice).flatMap(docx -> Mono.fromCallable(() -> pdf.render(docx))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** The values of {@link InvoicePlaceholders}; optional ones are left out when the invoice has none. */
    Map<String, Object> values(Invoice i) {
        Map<String, Object> v = new LinkedHashMap<>();
        put(v, "FirmName", firm.name());
        put(v, "FirmAddress", firm.address());
        put(v, "FirmPhone", firm.phone());
        put(v, "FirmEmail", firm.email());
        put(v, "LawFirmId", billing.lawFirmId());
        put(v, "InvoiceNumber", i.number());
        put(v, "InvoiceDate", date(i.invoiceDate()));
        put(v, "InvoiceStatus", i.status().id());
        if (i.status() == InvoiceStatus.DRAFT) {
            v.put("InvoiceDraft", "draft");
        }
        if (i.status() == InvoiceStatus.VOID) {
            v.put("InvoiceVoid", "void");
        }
        put(v, "PeriodFrom", date(i.periodFrom()));
        put(v, "PeriodTo", date(i.periodTo()));
        put(v, "CaseNumber", i.caseNumber());
        put(v, "CaseTitle", i.caseTitle());
        put(v, "ClientName", i.clientName());
        put(v, "Currency", i.currency());
        v.put("FeesTotal", money(i.feesTotal(), i));
        v.put("ExpensesTotal", money(i.expensesTotal(), i));
        if (i.adjustmentsTotal().signum() != 0) {
            v.put("DiscountPercent", percent(i.discountPercent()));
            v.put("DiscountTotal", money(i.adjustmentsTotal(), i));
        }
        if (i.taxTotal().signum() != 0) {
            v.put("TaxPercent", percent(i.taxPercent()));
            v.put("TaxTotal", money(i.taxTotal(), i));
        }
        v.put("InvoiceTotal", money(i.total(), i));
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> fees = new ArrayList<>();
        List<Map<String, Object>> expenses = new ArrayList<>();
        List<Map<String, Object>> adjustments = new ArrayList<>();
        BigDecimal hours = BigDecimal.ZERO;
        for (InvoiceLine line : i.lines()) {
            Map<String, Object> item = line(line, i);
            all.add(item);
            switch (line.kind()) {
                case FEE -> {
                    fees.add(item);
                    hours = hours.add(line.units());
                }
                case EXPENSE -> expenses.add(item);
                default -> adjustments.add(item);
            }
        }
        v.put("HoursTotal", LegalFormat.hours(hours));
        v.put("Lines", all);
        v.put("Fees", fees);
        v.put("Expenses", expenses);
        v.put("Adjustments", adjustments);
        return v;
    }

    private Map<String, Object> line(InvoiceLine line, Invoice i) {
        boolean level = line.kind().invoiceLevel();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Number", Integer.toString(line.number()));
        item.put("Date", date(line.date()));
        item.put("Type", switch (line.kind()) {
            case FEE -> "Fee";
            case EXPENSE -> "Expense";
            case FEE_DISCOUNT -> "Discount";
            case FEE_TAX, EXPENSE_TAX -> "Tax";
        });
        item.put("Timekeeper", text(line.timekeeperName()));
        item.put("Description", text(line.description()));
        item.put("TaskCode", text(line.taskCode()));
        item.put("ActivityCode", text(line.activityCode()));
        item.put("ExpenseCode", text(line.expenseCode()));
        item.put("Units", level || line.units() == null ? "" : line.kind() == LineKind.FEE
                ? LegalFormat.hours(line.units()) : line.units().stripTrailingZeros().toPlainString());
        item.put("Rate", level || line.unitCost() == null ? "" : money(line.unitCost(), i));
        item.put("WriteDown", !level && line.adjustment().signum() < 0 ? money(line.adjustment().negate(), i) : "");
        item.put("Amount", money(line.total(), i));
        return item;
    }

    private static void put(Map<String, Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String date(LocalDate date) {
        return date == null ? null : LegalFormat.date(date);
    }

    private static String money(BigDecimal amount, Invoice i) {
        return LegalFormat.money(amount, i.currency());
    }

    /** 5.00 → "5", 6.2500 → "6.25". */
    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
