package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an invoice line is, and its LEDES 1998B EXP/FEE/INV_ADJ_TYPE. */
public enum LineKind {
    FEE("F"), EXPENSE("E"), FEE_DISCOUNT("IF"), FEE_TAX("IF"), EXPENSE_TAX("IE");

    private final String ledesType;

    LineKind(String ledesType) {
        this.ledesType = ledesType;
    }

    public String ledesType() {
        return ledesType;
    }

    public boolean invoiceLevel() {
        return ledesType.startsWith("I");
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LineKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
