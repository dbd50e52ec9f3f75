package io.dictum.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTest {

    private static final LocalDate END = LocalDate.of(2026, 10, 31);
    private static final TimeRounding TENTHS = new TimeRounding(new BigDecimal("0.1"), BillingProperties.Rounding.UP);

    private static BillableItem fee(String hours, String rate, String writeDown) {
        return new BillableItem(LineKind.FEE, LocalDate.of(2026, 10, 2), UUID.randomUUID(), null,
                new UserId(UUID.randomUUID()), "ahale", "Alexandra Hale", "PT", "L120", "A104", null, "Work",
                new BigDecimal(hours), new BigDecimal(rate), writeDown == null ? null : new BigDecimal(writeDown));
    }

    private static BillableItem expense(String quantity, String unitCost) {
        return new BillableItem(LineKind.EXPENSE, LocalDate.of(2026, 10, 3), null, UUID.randomUUID(), null, null,
                null, null, null, null, "E101", "Copies", new BigDecimal(quantity), new BigDecimal(unitCost), null);
    }

    @Test
    void aWorkedExampleWithWriteDownDiscountAndTaxes() {
        // 0.3 h × 333.33 = 99.999 → 100.00; 1.7 h × 275.00 = 467.50, written down by 67.50 → 400.00
        // 125 copies × 0.15 = 18.75; fees 500.00, discount 7.5 % = 37.50; tax 8.25 % on 462.50 = 38.15625 → 38.16
        // and on expenses 18.75 → 1.546875 → 1.55; total 500.00 + 18.75 − 37.50 + 38.16 + 1.55 = 520.96
        var r = InvoiceCalculator.compute(List.of(fee("0.3", "333.33", null), fee("1.7", "275.00", "67.50"),
                expense("125", "0.15")), new BigDecimal("7.5"), new BigDecimal("8.25"), true, true, END);
        assertThat(r.lines()).extracting(InvoiceLine::type).containsExactly("F", "F", "E", "IF", "IF", "IE");
        assertThat(r.lines()).extracting(InvoiceLine::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.lines()).extracting(l -> l.total().toPlainString())
                .containsExactly("100.00", "400.00", "18.75", "-37.50", "38.16", "1.55");
        assertThat(r.lines().get(1).adjustment()).isEqualByComparingTo("-67.50");
        assertThat(r.lines().get(3).units()).isNull();
        assertThat(r.lines().get(3).date()).isEqualTo(END);
        assertThat(r.feesTotal()).isEqualByComparingTo("500.00");
        assertThat(r.expensesTotal()).isEqualByComparingTo("18.75");
        assertThat(r.adjustmentsTotal()).isEqualByComparingTo("-37.50");
        assertThat(r.taxTotal()).isEqualByComparingTo("39.71");
        assertThat(r.total().toPlainString()).isEqualTo("520.96");
    }

    @Test
    void halfACentRoundsUpAndNoTaxOrDiscountMeansNoAdjustmentLines() {
        // 0.1 h × 0.05 = 0.005 → 0.01
        var r = InvoiceCalculator.compute(List.of(fee("0.1", "0.05", null)), BigDecimal.ZERO, BigDecimal.ZERO, true,
                false, END);
        assertThat(r.lines()).singleElement().satisfies(l -> assertThat(l.total().toPlainString()).isEqualTo("0.01"));
        assertThat(r.total().toPlainString()).isEqualTo("0.01");
    }

    @Test
    void aWriteDownCannotExceedItsLine() {
        assertThatThrownBy(() -> InvoiceCalculator.compute(List.of(fee("1.0", "100.00", "100.01")), null, null,
                false, false, END)).isInstanceOf(InvalidInputException.class).hasMessageContaining("100.00");
        assertThat(InvoiceCalculator.compute(List.of(fee("1.0", "100.00", "100.00")), null, null, false, false, END)
                .total()).isEqualByComparingTo("0");
    }

    /** Property: over many random invoices, the total is the sum of the lines and each line adds up. */
    @RepeatedTest(200)
    void theTotalIsAlwaysTheSumOfTheLines(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(20261127L * repetition.getCurrentRepetition());
        List<BillableItem> items = new ArrayList<>();
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) == 0) {
                BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(500));
                BigDecimal cost = BigDecimal.valueOf(random.nextInt(100_000) + 1, 2);
                items.add(expense(qty.toPlainString(), cost.toPlainString()));
            } else {
                BigDecimal hours = TENTHS.billedHours(1 + random.nextInt(600));
                BigDecimal rate = BigDecimal.valueOf(5_000 + random.nextInt(100_000), 2);
                BigDecimal gross = Money.cents(hours.multiply(rate));
                String writeDown = random.nextInt(5) == 0
                        ? BigDecimal.valueOf((long) (random.nextDouble() * gross.movePointRight(2).longValue()), 2)
                        .toPlainString() : null;
                items.add(fee(hours.toPlainString(), rate.toPlainString(), writeDown));
            }
        }
        BigDecimal discount = BigDecimal.valueOf(random.nextInt(3) == 0 ? random.nextInt(5001) : 0, 2);
        BigDecimal tax = BigDecimal.valueOf(random.nextInt(2) == 0 ? random.nextInt(150_000) : 0, 4);
        var r = InvoiceCalculator.compute(items, discount, tax, random.nextBoolean(), random.nextBoolean(), END);

        assertThat(r.total()).isEqualTo(r.lines().stream().map(InvoiceLine::total)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        assertThat(r.total()).isEqualByComparingTo(r.feesTotal().add(r.expensesTotal()).add(r.adjustmentsTotal())
                .add(r.taxTotal()));
        assertThat(r.total().scale()).isEqualTo(2);
        for (InvoiceLine line : r.lines()) {
            assertThat(line.total().scale()).isEqualTo(2);
            if (line.kind().invoiceLevel()) {
                assertThat(line.total()).isEqualTo(line.adjustment());
            } else {
                assertThat(line.total()).isEqualTo(Money.cents(line.units().multiply(line.unitCost()))
                        .add(line.adjustment()));
                assertThat(line.adjustment().signum()).isLessThanOrEqualTo(0);
            }
        }
        BigDecimal fees = r.lines().stream().filter(l -> l.kind() == LineKind.FEE).map(InvoiceLine::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.feesTotal()).isEqualByComparingTo(fees);
        assertThat(r.adjustmentsTotal()).isEqualByComparingTo(Money.percentOf(fees, discount).negate());
    }
}
