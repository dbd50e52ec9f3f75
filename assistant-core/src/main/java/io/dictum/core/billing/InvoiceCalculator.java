package io.dictum.core.billing;

import io.dictum.core.errors.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns billable items into invoice lines and totals. Rounding, in this order and nowhere else:
 * <ol>
 * <li>a fee or expense line's amount is {@code units × unitCost} rounded to the cent, half up; a write-down is whole
 * cents and at most that amount; the line total is amount minus write-down;</li>
 * <li>the discount is {@code discountPercent} of the fee lines' total, rounded to the cent half up, as one negative
 * invoice-level fee line;</li>
 * <li>tax is {@code taxPercent} of the taxed subtotal (fees after the discount, and/or expenses), rounded to the cent
 * half up, one invoice-level line each for fees and expenses;</li>
 * <li>every total is a plain sum of line totals, so the invoice total always equals the sum of its lines.</li>
 * </ol>
 */
public final class InvoiceCalculator {

    public record Result(List<InvoiceLine> lines, BigDecimal feesTotal, BigDecimal expensesTotal,
                         BigDecimal adjustmentsTotal, BigDecimal taxTotal, BigDecimal total) {
    }

    private InvoiceCalculator() {
    }

    public static Result compute(List<BillableItem> items, BigDecimal discountPercent, BigDecimal taxPercent,
                                 boolean taxFees, boolean taxExpenses, LocalDate adjustmentDate) {
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal fees = Money.ZERO;
        BigDecimal expenses = Money.ZERO;
        List<BillableItem> ordered = new ArrayList<>(items.stream().filter(i -> i.kind() == LineKind.FEE).toList());
        ordered.addAll(items.stream().filter(i -> i.kind() == LineKind.EXPENSE).toList());
        for (BillableItem item : ordered) {
            BigDecimal amount = Money.cents(item.units().multiply(item.unitCost()));
            BigDecimal writeDown = item.writeDown() == null ? Money.ZERO : item.writeDown().setScale(Money.SCALE);
            if (writeDown.signum() < 0 || writeDown.compareTo(amount) > 0) {
                throw new InvalidInputException("The write-down of " + writeDown.toPlainString() + " on item "
                        + (item.timeEntryId() != null ? item.timeEntryId() : item.expenseId()) + " must be between 0"
                        + " and the line's amount " + amount.toPlainString());
            }
            BigDecimal total = amount.subtract(writeDown);
            lines.add(new InvoiceLine(lines.size() + 1, item.kind(), item.date(), item.timeEntryId(),
                    item.expenseId(), item.timekeeperId(), item.timekeeperUsername(), item.timekeeperName(),
                    item.timekeeperClassification(), item.taskCode(), item.activityCode(), item.expenseCode(),
                    item.description(), item.units().setScale(2), item.unitCost().setScale(2), writeDown.negate(),
                    total));
            if (item.kind() == LineKind.FEE) {
                fees = fees.add(total);
            } else {
                expenses = expenses.add(total);
            }
        }
        BigDecimal discount = Money.ZERO;
        if (discountPercent != null && discountPercent.signum() > 0) {
            discount = Money.percentOf(fees, discountPercent).negate();
            if (discount.signum() != 0) {
                lines.add(adjustment(lines.size() + 1, LineKind.FEE_DISCOUNT, adjustmentDate,
                        "Discount of " + discountPercent.stripTrailingZeros().toPlainString() + "% on fees",
                        discount));
            }
        }
        BigDecimal tax = Money.ZERO;
        if (taxPercent != null && taxPercent.signum() > 0) {
            String rate = taxPercent.stripTrailingZeros().toPlainString() + "%";
            if (taxFees) {
                BigDecimal t = Money.percentOf(fees.add(discount), taxPercent);
                if (t.signum() != 0) {
                    lines.add(adjustment(lines.size() + 1, LineKind.FEE_TAX, adjustmentDate, "Tax " + rate
                            + " on fees", t));
                    tax = tax.add(t);
                }
            }
            if (taxExpenses) {
                BigDecimal t = Money.percentOf(expenses, taxPercent);
                if (t.signum() != 0) {
                    lines.add(adjustment(lines.size() + 1, LineKind.EXPENSE_TAX, adjustmentDate, "Tax " + rate
                            + " on expenses", t));
                    tax = tax.add(t);
                }
            }
        }
        BigDecimal total = lines.stream().map(InvoiceLine::total).reduce(Money.ZERO, BigDecimal::add);
        if (total.compareTo(fees.add(expenses).add(discount).add(tax)) != 0) {
            throw new IllegalStateException("invoice totals do not add up");
        }
        return new Result(List.copyOf(lines), fees, expenses, discount, tax, total);
    }

    private static InvoiceLine adjustment(int number, LineKind kind, LocalDate date, String description,
                                          BigDecimal amount) {
        return new InvoiceLine(number, kind, date, null, null, null, null, null, null, null, null, null, description,
                null, null, amount, amount);
    }
}
