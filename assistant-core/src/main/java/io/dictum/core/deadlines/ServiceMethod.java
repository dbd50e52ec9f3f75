package io.dictum.core.deadlines;

import io.dictum.core.errors.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the paper that starts a period was served. Only service under FRCP 5(b)(2)(C) mail, (D) leaving with the
 * clerk and (F) other consented means earns the three extra days of FRCP 6(d); electronic service (E) and personal
 * delivery (A), (B) do not.
 */
public enum ServiceMethod {
    ELECTRONIC("electronic", "electronically under Rule 5(b)(2)(E)", false),
    PERSONAL("personal", "personally under Rule 5(b)(2)(A) or (B)", false),
    MAIL("mail", "by mail under Rule 5(b)(2)(C)", true),
    CLERK("clerk", "by leaving it with the court clerk under Rule 5(b)(2)(D)", true),
    OTHER("other", "by other means consented to in writing under Rule 5(b)(2)(F)", true);

    private final String id;
    private final String description;
    private final boolean addsThreeDays;

    ServiceMethod(String id, String description, boolean addsThreeDays) {
        this.id = id;
        this.description = description;
        this.addsThreeDays = addsThreeDays;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether FRCP 6(d) adds three days when a rule lets it apply. */
    public boolean addsThreeDays() {
        return addsThreeDays;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ServiceMethod::id).collect(Collectors.joining(", "));
    }

    /** The method named by the text, {@link #ELECTRONIC} when none is given. */
    public static ServiceMethod parse(String text) {
        if (text == null || text.isBlank()) {
            return ELECTRONIC;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (ServiceMethod m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new InvalidInputException("serviceMethod '" + text + "' is not known; use one of " + allowed()
                + " (electronic when omitted).");
    }
}
