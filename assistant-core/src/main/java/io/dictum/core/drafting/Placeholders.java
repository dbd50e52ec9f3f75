package io.dictum.core.drafting;

import io.dictum.templates.docx.LegalFormat;
import io.dictum.templates.docx.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every placeholder a template may use: where its value comes from, its type, and a sample for previews. Values from
 * the case file are filled automatically; the others are given by the caller ({@code values}), who may also
 * override any case value.
 */
public final class Placeholders {

    public enum Type { TEXT, DATE, MONEY, LIST }

    /** One placeholder: its name, type, where the value comes from, what it means, and a sample for previews. */
    public record Placeholder(String name, Type type, String source, String description, Object sample,
                              List<String> itemFields) {
    }

    private static final Map<String, Placeholder> ALL = new LinkedHashMap<>();

    private static void add(String name, Type type, String source, String description, Object sample) {
        ALL.put(name, new Placeholder(name, type, source, description, sample, List.of()));
    }

    private static void list(String name, String source, String description, List<String> itemFields,
                             List<Map<String, Object>> sample) {
        ALL.put(name, new Placeholder(name, Type.LIST, source, description, sample, itemFields));
    }

    static {
        add("CaseNumber", Type.TEXT, "case", "the case number", "2025-PI-0012");
        add("CaseTitle", Type.TEXT, "case", "the case title", "Miller v. Acme Trucking");
        add("MatterType", Type.TEXT, "case", "the kind of matter, in words", "personal injury");
        add("Court", Type.TEXT, "case", "the court", "U.S. District Court for the District of Maryland");
        add("OpenedDate", Type.DATE, "case", "the day the case was opened", LocalDate.of(2025, 3, 14));
        add("ClientName", Type.TEXT, "case", "the client's name", "Sarah Miller");
        add("ClientEmail", Type.TEXT, "case", "the client's e-mail address", "sarah.miller@example.com");
        add("ClientPhone", Type.TEXT, "case", "the client's phone number", "(410) 555-0142");
        add("OpposingParty", Type.TEXT, "case", "the opposing party or parties, joined with \"and\"",
                "Acme Trucking Inc.");
        list("OpposingParties", "case", "the opposing parties, one item each", List.of("Name"),
                List.of(Map.of("Name", "Acme Trucking Inc.")));
        list("Defendants", "case", "the opposing parties as defendants, one item each (same as OpposingParties)",
                List.of("Name"), List.of(Map.of("Name", "Acme Trucking Inc.")));
        add("OpposingCounsel", Type.TEXT, "case", "opposing counsel, joined with \"and\"", "Karen Mitchell");
        add("Insurer", Type.TEXT, "case", "the insurer party", "Acme Insurance Co.");
        add("Judge", Type.TEXT, "case", "the judge", "Judge Patricia Whitfield");
        add("CoCounsel", Type.TEXT, "case", "co-counsel, joined with \"and\"", "Jordan Blake");
        list("Witnesses", "case", "the witnesses, one item each", List.of("Name"),
                List.of(Map.of("Name", "Officer James Boyle")));
        list("Experts", "case", "the experts, one item each", List.of("Name"),
                List.of(Map.of("Name", "Dr. Helen Park")));
        add("NextDeadline", Type.TEXT, "case", "the title of the next docketed deadline", "Answer due");
        add("NextDeadlineDate", Type.DATE, "case", "the due date of the next docketed deadline",
                LocalDate.of(2026, 4, 6));
        list("Deadlines", "case", "the docketed deadlines from today on, soonest first",
                List.of("Title", "DueDate", "Citation"), List.of(Map.of("Title", "Answer due", "DueDate",
                        "April 6, 2026", "Citation", "FRCP 12(a)(1)(A)(i)")));
        add("AttorneyName", Type.TEXT, "user", "the signing user's display name", "Alexandra Hale");
        add("FirmName", Type.TEXT, "firm", "the firm's name (dictum.firm.name)", FirmProperties.DEFAULT_NAME);
        add("FirmAddress", Type.TEXT, "firm", "the firm's address (dictum.firm.address), lines separated by \\n",
                "1200 Market Street, Suite 400\nBaltimore, MD 21202");
        add("FirmPhone", Type.TEXT, "firm", "the firm's phone (dictum.firm.phone)", "(410) 555-0100");
        add("FirmEmail", Type.TEXT, "firm", "the firm's e-mail (dictum.firm.email)", "office@haleortiz.example");
        add("Today", Type.DATE, "date", "today's date in the firm's time zone", LocalDate.of(2026, 3, 3));
        add("FilingDate", Type.DATE, "given", "the filing date", LocalDate.of(2026, 3, 3));
        add("IncidentDate", Type.DATE, "given", "the day of the accident or incident", LocalDate.of(2025, 3, 3));
        add("IncidentLocation", Type.TEXT, "given", "where it happened", "I-95 northbound near exit 27");
        add("IncidentDescription", Type.TEXT, "given", "what happened, in a sentence or two",
                "a tractor-trailer operated by Acme Trucking Inc. struck the rear of our client's car");
        add("Injuries", Type.TEXT, "given", "the injuries", "cervical strain and lumbar sprain");
        add("MedicalExpenses", Type.MONEY, "given", "medical expenses so far", new BigDecimal("18450.00"));
        add("LostWages", Type.MONEY, "given", "lost wages so far", new BigDecimal("6200.00"));
        add("DemandAmount", Type.MONEY, "given", "the amount demanded", new BigDecimal("40000.00"));
        add("ResponseDeadline", Type.DATE, "given", "the day a response is due", LocalDate.of(2026, 4, 2));
        add("ClaimNumber", Type.TEXT, "given", "the insurer's claim number", "AIC-2025-118204");
        add("PolicyNumber", Type.TEXT, "given", "the insurance policy number", "TRK-4471902");
        add("AdjusterName", Type.TEXT, "given", "the claims adjuster", "Dana Whitaker");
        add("ClientAddress", Type.TEXT, "given", "the client's postal address, lines separated by \\n",
                "48 Harbor View Lane\nBaltimore, MD 21230");
        add("FeeTerms", Type.TEXT, "given", "the fee agreement in words",
                "one third (33 1/3%) of any recovery, and nothing if there is no recovery");
        add("RetainerAmount", Type.MONEY, "given", "the retainer, if any", new BigDecimal("0.00"));
        add("ScopeOfRepresentation", Type.TEXT, "given", "what the firm is engaged to do",
                "your claims for injuries from the collision of March 3, 2025");
        list("DiscoveryRequests", "given", "the discovery requests served, one item each", List.of("Name"),
                List.of(Map.of("Name", "Plaintiff's First Set of Interrogatories"),
                        Map.of("Name", "Plaintiff's First Requests for Production of Documents")));
    }

    private Placeholders() {
    }

    public static List<Placeholder> all() {
        return List.copyOf(ALL.values());
    }

    public static Vocabulary vocabulary() {
        return vocabularyOf(ALL.values());
    }

    /** The names a template may use, given the placeholders of a kind of document (case documents, invoices). */
    static Vocabulary vocabularyOf(Iterable<Placeholder> placeholders) {
        Set<String> fields = new LinkedHashSet<>();
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        for (Placeholder p : placeholders) {
            if (p.type() == Type.LIST) {
                lists.put(p.name(), Set.copyOf(p.itemFields()));
            } else {
                fields.add(p.name());
            }
        }
        return new Vocabulary(fields, lists);
    }

    /** A sample value for every placeholder, formatted: what previews show when nothing else is known. */
    public static Map<String, Object> samples() {
        Map<String, Object> values = new LinkedHashMap<>();
        ALL.values().forEach(p -> values.put(p.name(), format(p.name(), p.sample())));
        return values;
    }

    /**
     * A value as a document writes it: dates ({@code LocalDate} or ISO text) as "March 3, 2026" and money (numbers
     * or numeric text) as "$40,000.00" for the placeholders of those types; lists item by item; anything else as
     * text. A date or amount that cannot be read is an {@link IllegalArgumentException} naming the placeholder.
     */
    public static Object format(String name, Object value) {
        if (value == null) {
            return null;
        }
        Placeholder p = ALL.get(name);
        Type type = p == null ? Type.TEXT : p.type();
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> formatted = new LinkedHashMap<>();
                    map.forEach((k, v) -> formatted.put(String.valueOf(k), v == null ? null : itemValue(v)));
                    items.add(formatted);
                } else {
                    items.add(item == null ? null : Map.of("Name", itemValue(item)));
                }
            }
            return items;
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("the value of " + name + " is an object; give text, a number or a"
                    + " list");
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return "";
        }
        switch (type) {
            case DATE -> {
                if (value instanceof LocalDate date) {
                    return LegalFormat.date(date);
                }
                try {
                    return LegalFormat.date(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    return text; // already written out, e.g. "March 3, 2026"
                }
            }
            case MONEY -> {
                String digits = text.replace("$", "").replace(",", "").strip();
                try {
                    return LegalFormat.money(new BigDecimal(digits));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the value of " + name + " is not an amount: '" + text
                            + "'; give a number such as 40000 or 40000.00");
                }
            }
            default -> {
                return text;
            }
        }
    }

    private static Object itemValue(Object v) {
        if (v instanceof LocalDate d) {
            return LegalFormat.date(d);
        }
        return v.toString();
    }
}
