package io.dictum.core.billing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dictum.core.errors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The UTBMS litigation task, activity and expense codes, kept as data in {@code utbms-codes.yaml}. Codes are
 * accepted in any letter case and stored upper case; a phase code (L100) is refused with its tasks named.
 */
public final class UtbmsCodes {

    public record Code(String code, String name, String phase) {
    }

    record Data(List<Code> tasks, List<Code> phases, List<Code> activities, List<Code> expenses) {
    }

    private static final UtbmsCodes STANDARD = load();

    private final Map<String, Code> tasks;
    private final Map<String, Code> phases;
    private final Map<String, Code> activities;
    private final Map<String, Code> expenses;

    private UtbmsCodes(Data data) {
        this.tasks = index(data.tasks());
        this.phases = index(data.phases());
        this.activities = index(data.activities());
        this.expenses = index(data.expenses());
    }

    public static UtbmsCodes standard() {
        return STANDARD;
    }

    private static UtbmsCodes load() {
        try (InputStream in = UtbmsCodes.class.getResourceAsStream("utbms-codes.yaml")) {
            if (in == null) {
                throw new IllegalStateException("utbms-codes.yaml is missing from the classpath");
            }
            return new UtbmsCodes(new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Data.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Code> index(List<Code> codes) {
        Map<String, Code> map = new LinkedHashMap<>();
        codes.forEach(c -> map.put(c.code(), c));
        return Map.copyOf(map);
    }

    public List<Code> tasks() {
        return sorted(tasks);
    }

    public List<Code> activities() {
        return sorted(activities);
    }

    public List<Code> expenses() {
        return sorted(expenses);
    }

    public List<Code> phases() {
        return sorted(phases);
    }

    private static List<Code> sorted(Map<String, Code> map) {
        return map.values().stream().sorted(java.util.Comparator.comparing(Code::code)).toList();
    }

    /** The task code, normalised, or null when none was given. */
    public String task(String code) {
        String c = normalise(code);
        if (c == null || tasks.containsKey(c)) {
            return c;
        }
        if (phases.containsKey(c)) {
            throw new InvalidInputException("taskCode " + c + " is the phase '" + phases.get(c).name()
                    + "'; code time with one of its tasks: " + String.join(", ", tasks.values().stream()
                    .filter(t -> t.phase().equals(c)).map(Code::code).sorted().toList()));
        }
        throw new InvalidInputException("taskCode '" + code + "' is not a UTBMS litigation task code (L110 to"
                + " L530); GET /api/v1/billing/codes lists them");
    }

    public String activity(String code) {
        String c = normalise(code);
        if (c == null || activities.containsKey(c)) {
            return c;
        }
        throw new InvalidInputException("activityCode '" + code + "' is not a UTBMS activity code (A101 to A111);"
                + " GET /api/v1/billing/codes lists them");
    }

    public String expense(String code) {
        String c = normalise(code);
        if (c == null || expenses.containsKey(c)) {
            return c;
        }
        throw new InvalidInputException("expenseCode '" + code + "' is not a UTBMS expense code (E101 to E124);"
                + " GET /api/v1/billing/codes lists them");
    }

    public boolean isActivity(String code) {
        String c = normalise(code);
        return c != null && activities.containsKey(c);
    }

    private static String normalise(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
