package io.dictum.core.deadlines;

import java.util.Locale;

/** A length of time as a rule states it: "21 days", "72 hours", "3 months". */
public record Period(int amount, Unit unit) {

    public enum Unit { DAYS, HOURS, MONTHS }

    public Period {
        if (amount < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + amount);
        }
    }

    /** @throws IllegalArgumentException when the text is not "<number> days|hours|months" */
    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a period is required, e.g. \"21 days\"");
        }
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("period '" + text + "' is not '<number> days|hours|months'");
        }
        int amount;
        try {
            amount = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("period '" + text + "' does not start with a whole number");
        }
        Unit unit = switch (parts[1]) {
            case "day", "days" -> Unit.DAYS;
            case "hour", "hours" -> Unit.HOURS;
            case "month", "months" -> Unit.MONTHS;
            default -> throw new IllegalArgumentException("period '" + text + "': the unit must be days, hours or"
                    + " months");
        };
        return new Period(amount, unit);
    }

    @Override
    public String toString() {
        String name = unit.name().toLowerCase(Locale.ROOT);
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }
}
