package io.dictum.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a contact takes part in a case. */
public enum PartyRole {
    CLIENT, OPPOSING_PARTY, OPPOSING_COUNSEL, WITNESS, EXPERT, JUDGE, INSURER, CO_COUNSEL, COURT_REPORTER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PartyRole fromId(String id) {
        for (PartyRole r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of " + String.join(", ",
                Arrays.stream(values()).map(PartyRole::id).toList()) + "; got '" + id + "'");
    }
}
