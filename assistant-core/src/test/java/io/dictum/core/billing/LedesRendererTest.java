package io.dictum.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.cases.CaseId;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** LEDES 1998B output checked field by field against the format's 24-field list. */
class LedesRendererTest {

    /** The field names in the order of the published LEDES 1998B specification. */
    private static final List<String> SPEC = List.of("INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID",
            "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL", "BILLING_START_DATE", "BILLING_END_DATE", "INVOICE_DESCRIPTION",
            "LINE_ITEM_NUMBER", "EXP/FEE/INV_ADJ_TYPE", "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT",
            "LINE_ITEM_TOTAL", "LINE_ITEM_DATE", "LINE_ITEM_TASK_CODE", "LINE_ITEM_EXPENSE_CODE",
            "LINE_ITEM_ACTIVITY_CODE", "TIMEKEEPER_ID", "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID",
            "LINE_ITEM_UNIT_COST", "TIMEKEEPER_NAME", "TIMEKEEPER_CLASSIFICATION", "CLIENT_MATTER_ID");

    private static final ContactId CLIENT = new ContactId(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    private static final UserId HALE = new UserId(UUID.randomUUID());

    private static Invoice invoice() {
        var items = List.of(
                new BillableItem(LineKind.FEE, LocalDate.of(2026, 10, 2), UUID.randomUUID(), null, HALE, "ahale",
                        "Alexandra Hale", "PT", "L330", "A109", null, "Deposition of Dr. Park | day 1 [] notes\nsee"
                        + " file – señal", new BigDecimal("1.50"), new BigDecimal("450.00"), new BigDecimal("75.00")),
                new BillableItem(LineKind.EXPENSE, LocalDate.of(2026, 10, 5), null, UUID.randomUUID(), null, null,
                        null, null, null, null, "E112", "Filing fee", new BigDecimal("1.00"),
                        new BigDecimal("405.00"), null));
        var r = InvoiceCalculator.compute(items, new BigDecimal("10"), new BigDecimal("5"), true, false,
                LocalDate.of(2026, 10, 31));
        return new Invoice(UUID.randomUUID(), "INV-000042", new CaseId(UUID.randomUUID()), "2025-PI-0012",
                "Miller v. Acme Trucking", CLIENT, "Sarah Miller", InvoiceStatus.ISSUED, LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "USD", new BigDecimal("10.00"),
                new BigDecimal("5.0000"), true, false, r.feesTotal(), r.expensesTotal(), r.adjustmentsTotal(),
                r.taxTotal(), r.total(), OffsetDateTime.now(ZoneOffset.UTC), HALE, null, null, null, r.lines());
    }

    @Test
    void theFileFollowsLedes1998bFieldByField() {
        Invoice invoice = invoice();
        String text = new String(new LedesRenderer(new BillingProperties(null, null, null, null, null, null,
                "12-3456789")).ledes(invoice), StandardCharsets.US_ASCII);
        assertThat(text).endsWith("[]\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("LEDES1998B[]");
        assertThat(lines.get(1)).isEqualTo(String.join("|", SPEC) + "[]");
        assertThat(LedesRenderer.FIELDS).isEqualTo(SPEC);
        assertThat(lines).hasSize(2 + 4);
        assertThat(lines).allSatisfy(l -> assertThat(l).endsWith("[]"));

        List<List<String>> rows = lines.subList(2, lines.size()).stream()
                .map(l -> List.of(l.substring(0, l.length() - 2).split("\\|", -1))).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(24));

        // fee: 1.5 h × 450.00 = 675.00 written down by 75.00 → 600.00
        var fee = field(rows.get(0));
        assertThat(fee.get("INVOICE_DATE")).isEqualTo("20261102");
        assertThat(fee.get("INVOICE_NUMBER")).isEqualTo("INV-000042");
        assertThat(fee.get("CLIENT_ID")).isEqualTo("3F2504E04F8911D39A0C").hasSize(20);
        assertThat(fee.get("LAW_FIRM_MATTER_ID")).isEqualTo("2025-PI-0012");
        // 600.00 + 405.00 − 60.00 discount + 27.00 tax (5 % of 540.00) = 972.00
        assertThat(fee.get("INVOICE_TOTAL")).isEqualTo("972.00");
        assertThat(fee.get("BILLING_START_DATE")).isEqualTo("20261001");
        assertThat(fee.get("BILLING_END_DATE")).isEqualTo("20261031");
        assertThat(fee.get("INVOICE_DESCRIPTION"))
                .isEqualTo("Legal services: Miller v. Acme Trucking, 2026-10-01 to 2026-10-31");
        assertThat(fee.get("LINE_ITEM_NUMBER")).isEqualTo("1");
        assertThat(fee.get("EXP/FEE/INV_ADJ_TYPE")).isEqualTo("F");
        assertThat(fee.get("LINE_ITEM_NUMBER_OF_UNITS")).isEqualTo("1.50");
        assertThat(fee.get("LINE_ITEM_ADJUSTMENT_AMOUNT")).isEqualTo("-75.00");
        assertThat(fee.get("LINE_ITEM_TOTAL")).isEqualTo("600.00");
        assertThat(fee.get("LINE_ITEM_DATE")).isEqualTo("20261002");
        assertThat(fee.get("LINE_ITEM_TASK_CODE")).isEqualTo("L330");
        assertThat(fee.get("LINE_ITEM_EXPENSE_CODE")).isEmpty();
        assertThat(fee.get("LINE_ITEM_ACTIVITY_CODE")).isEqualTo("A109");
        assertThat(fee.get("TIMEKEEPER_ID")).isEqualTo("ahale");
        // no pipe, no [] and no line break can leak from a description; non-ASCII is made ASCII
        assertThat(fee.get("LINE_ITEM_DESCRIPTION")).isEqualTo("Deposition of Dr. Park day 1 [ ] notes see file ?"
                + " senal");
        assertThat(fee.get("LAW_FIRM_ID")).isEqualTo("12-3456789");
        assertThat(fee.get("LINE_ITEM_UNIT_COST")).isEqualTo("450.00");
        assertThat(fee.get("TIMEKEEPER_NAME")).isEqualTo("Hale, Alexandra");
        assertThat(fee.get("TIMEKEEPER_CLASSIFICATION")).isEqualTo("PT");
        assertThat(fee.get("CLIENT_MATTER_ID")).isEmpty();

        var expense = field(rows.get(1));
        assertThat(expense.get("LINE_ITEM_NUMBER")).isEqualTo("2");
        assertThat(expense.get("EXP/FEE/INV_ADJ_TYPE")).isEqualTo("E");
        assertThat(expense.get("LINE_ITEM_NUMBER_OF_UNITS")).isEqualTo("1.00");
        assertThat(expense.get("LINE_ITEM_UNIT_COST")).isEqualTo("405.00");
        assertThat(expense.get("LINE_ITEM_ADJUSTMENT_AMOUNT")).isEqualTo("0.00");
        assertThat(expense.get("LINE_ITEM_TOTAL")).isEqualTo("405.00");
        assertThat(expense.get("LINE_ITEM_EXPENSE_CODE")).isEqualTo("E112");
        assertThat(expense.get("LINE_ITEM_TASK_CODE")).isEmpty();
        assertThat(expense.get("TIMEKEEPER_ID")).isEmpty();
        assertThat(expense.get("TIMEKEEPER_NAME")).isEmpty();

        var discount = field(rows.get(2));
        assertThat(discount.get("EXP/FEE/INV_ADJ_TYPE")).isEqualTo("IF");
        assertThat(discount.get("LINE_ITEM_NUMBER_OF_UNITS")).isEmpty();
        assertThat(discount.get("LINE_ITEM_UNIT_COST")).isEmpty();
        assertThat(discount.get("LINE_ITEM_ADJUSTMENT_AMOUNT")).isEqualTo("-60.00");
        assertThat(discount.get("LINE_ITEM_TOTAL")).isEqualTo("-60.00");
        assertThat(discount.get("LINE_ITEM_DATE")).isEqualTo("20261031");
        var tax = field(rows.get(3));
        assertThat(tax.get("EXP/FEE/INV_ADJ_TYPE")).isEqualTo("IF");
        assertThat(tax.get("LINE_ITEM_TOTAL")).isEqualTo("27.00");

        // every line repeats the invoice fields, and INVOICE_TOTAL is the sum of the LINE_ITEM_TOTALs
        assertThat(rows).allSatisfy(row -> assertThat(row.subList(0, 8)).isEqualTo(rows.get(0).subList(0, 8)));
        BigDecimal sum = rows.stream().map(row -> new BigDecimal(row.get(12))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(fee.get("INVOICE_TOTAL"));
    }

    @Test
    void namesAndTextAreMadeSafe() {
        assertThat(LedesRenderer.timekeeperName("Sarah Lindqvist")).isEqualTo("Lindqvist, Sarah");
        assertThat(LedesRenderer.timekeeperName("Mary Ann de Vries")).isEqualTo("Vries, Mary Ann de");
        assertThat(LedesRenderer.timekeeperName("Cher")).isEqualTo("Cher");
        assertThat(LedesRenderer.text("x".repeat(40), 20)).hasSize(20);
        assertThat(LedesRenderer.text("Zoë|Ångström\r\n", 100)).isEqualTo("Zoe Angstrom");
    }

    private static java.util.Map<String, String> field(List<String> row) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < SPEC.size(); i++) {
            map.put(SPEC.get(i), row.get(i));
        }
        return map;
    }
}
