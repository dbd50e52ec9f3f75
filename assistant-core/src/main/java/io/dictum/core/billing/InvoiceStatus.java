package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** draft → issued → paid; draft or issued → void. A paid invoice is final. */
public enum InvoiceStatus {
    DRAFT, ISSUED, PAID, VOID;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus fromId(String id) {
        for (InvoiceStatus s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of draft, issued, paid, void; got '" + id + "'");
    }
}
