package io.dictum.core.deadlines;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads rule-set and calendar data files and resolves them into {@link RuleSet}s. A file with {@code ruleSet}
 * defines a rule set (optionally {@code extends} another, inheriting its triggers, rules and holidays); a file with
 * {@code calendar} and {@code holidays} but no {@code ruleSet} defines a named calendar that rule sets refer to.
 * Every mistake in the data is reported with the file it is in: a wrong deadline is worse than none.
 */
public final class RuleSetLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A parsed file and where it came from. */
    public record Source(String name, RuleSetFile file) {
    }

    private final Map<String, List<HolidayDefinition>> calendars = new LinkedHashMap<>();
    private final Map<String, Source> ruleSetFiles = new LinkedHashMap<>();

    /** Adds a YAML or JSON file (JSON is YAML). */
    public RuleSetLoader add(String sourceName, InputStream in) {
        RuleSetFile file;
        try {
            file = MAPPER.readValue(in, RuleSetFile.class);
        } catch (IOException e) {
            throw new RuleDataException(sourceName + ": " + firstLine(e.getMessage()));
        }
        if (file == null) {
            throw new RuleDataException(sourceName + " is empty");
        }
        if (file.ruleSet() == null || file.ruleSet().isBlank()) {
            if (file.calendar() == null || file.calendar().isBlank() || file.holidays() == null) {
                throw new RuleDataException(sourceName + " has neither ruleSet nor calendar with holidays");
            }
            if (calendars.containsKey(key(file.calendar()))) {
                throw new RuleDataException(sourceName + ": calendar " + file.calendar() + " is defined twice");
            }
            calendars.put(key(file.calendar()), holidays(file.holidays(), sourceName));
        } else {
            if (ruleSetFiles.containsKey(key(file.ruleSet()))) {
                throw new RuleDataException(sourceName + ": rule set " + file.ruleSet() + " is defined twice (also in "
                        + ruleSetFiles.get(key(file.ruleSet())).name() + ")");
            }
            ruleSetFiles.put(key(file.ruleSet()), new Source(sourceName, file));
        }
        return this;
    }

    /** Every rule set, keyed by its id in upper case. */
    public Map<String, RuleSet> resolve() {
        Map<String, RuleSet> done = new TreeMap<>();
        for (String id : ruleSetFiles.keySet()) {
            resolve(id, done, new HashSet<>());
        }
        return done;
    }

    private RuleSet resolve(String id, Map<String, RuleSet> done, Set<String> visiting) {
        RuleSet ready = done.get(id);
        if (ready != null) {
            return ready;
        }
        Source source = ruleSetFiles.get(id);
        if (!visiting.add(id)) {
            throw new RuleDataException(source.name() + ": rule set " + id + " extends itself through " + visiting);
        }
        RuleSetFile f = source.file();
        RuleSet base = null;
        if (f.base() != null && !f.base().isBlank()) {
            if (!ruleSetFiles.containsKey(key(f.base()))) {
                throw new RuleDataException(source.name() + ": extends unknown rule set " + f.base());
            }
            base = resolve(key(f.base()), done, visiting);
        }
        LinkedHashMap<String, String> triggers = new LinkedHashMap<>(base == null ? Map.of() : base.triggers());
        if (f.triggers() != null) {
            triggers.putAll(f.triggers());
        }
        CourtCalendar calendar;
        if (f.calendar() != null && !f.calendar().isBlank()) {
            List<HolidayDefinition> named = calendars.get(key(f.calendar()));
            if (named == null) {
                throw new RuleDataException(source.name() + ": unknown calendar " + f.calendar() + "; known: "
                        + calendars.keySet());
            }
            calendar = new CourtCalendar(named);
        } else {
            calendar = base == null ? new CourtCalendar(List.of()) : base.calendar();
        }
        if (f.holidays() != null) {
            calendar = calendar.with(holidays(f.holidays(), source.name()));
        }
        String countingRule = f.countingRule() != null ? f.countingRule()
                : base != null ? base.countingRule() : "FRCP 6(a)";
        String threeDayRule = f.threeDayRule() != null ? f.threeDayRule()
                : base != null ? base.threeDayRule() : "FRCP 6(d)";
        LinkedHashMap<String, DeadlineRule> rules = new LinkedHashMap<>();
        if (base != null) {
            base.rules().forEach(r -> rules.put(r.id(), r));
        }
        Set<String> own = new HashSet<>();
        for (RuleSetFile.RuleData data : f.rules() == null ? List.<RuleSetFile.RuleData>of() : f.rules()) {
            DeadlineRule rule = rule(data, source.name(), countingRule);
            if (!own.add(rule.id())) {
                throw new RuleDataException(source.name() + ": rule " + rule.id() + " is defined twice");
            }
            rules.put(rule.id(), rule);
        }
        RuleSet set = new RuleSet(f.ruleSet().strip(), f.title() == null ? f.ruleSet().strip() : f.title(),
                triggers, List.copyOf(rules.values()), calendar, countingRule, threeDayRule);
        check(set, source.name());
        visiting.remove(id);
        done.put(id, set);
        return set;
    }

    private static void check(RuleSet set, String source) {
        if (set.rules().isEmpty()) {
            throw new RuleDataException(source + ": rule set " + set.id() + " has no rules");
        }
        Set<String> ids = new HashSet<>();
        set.rules().forEach(r -> ids.add(r.id()));
        for (String trigger : set.triggers().keySet()) {
            if (!trigger.matches("[a-z][a-z0-9_]*")) {
                throw new RuleDataException(source + ": trigger '" + trigger + "' must be snake_case");
            }
        }
        for (DeadlineRule r : set.rules()) {
            if (r.trigger() != null && !set.triggers().containsKey(r.trigger())) {
                throw new RuleDataException(source + ": rule " + r.id() + " names unknown trigger " + r.trigger()
                        + "; declare it under triggers");
            }
            if (r.after() != null && !ids.contains(r.after())) {
                throw new RuleDataException(source + ": rule " + r.id() + " comes after unknown rule " + r.after());
            }
        }
        for (DeadlineRule r : set.rules()) {
            Set<String> seen = new HashSet<>();
            DeadlineRule at = r;
            while (at.after() != null) {
                if (!seen.add(at.id())) {
                    throw new RuleDataException(source + ": rules " + seen + " come after each other in a circle");
                }
                String parent = at.after();
                at = set.rules().stream().filter(x -> x.id().equals(parent)).findFirst().orElseThrow();
            }
        }
    }

    private static DeadlineRule rule(RuleSetFile.RuleData d, String source, String defaultCounting) {
        String where = source + ": rule " + (d.id() == null ? "without id" : d.id());
        if (d.id() == null || !d.id().matches("[a-z][a-z0-9_]*")) {
            throw new RuleDataException(where + ": id must be snake_case");
        }
        if (blank(d.title()) || blank(d.citation())) {
            throw new RuleDataException(where + ": title and citation are required");
        }
        if (blank(d.trigger()) == blank(d.after())) {
            throw new RuleDataException(where + ": give exactly one of trigger and after");
        }
        if (d.threeDayRule() == null) {
            throw new RuleDataException(where + ": say whether the three added days of FRCP 6(d) can apply"
                    + " (threeDayRule: true or false)");
        }
        try {
            return new DeadlineRule(d.id(), d.title().strip(), blank(d.trigger()) ? null : d.trigger().strip(),
                    blank(d.after()) ? null : d.after().strip(), Period.parse(d.period()),
                    Direction.parse(d.direction()), d.threeDayRule(), d.citation().strip(),
                    blank(d.countingRule()) ? defaultCounting : d.countingRule().strip(),
                    blank(d.note()) ? null : d.note().strip());
        } catch (IllegalArgumentException e) {
            throw new RuleDataException(where + ": " + e.getMessage());
        }
    }

    private static List<HolidayDefinition> holidays(List<RuleSetFile.HolidayData> data, String source) {
        List<HolidayDefinition> out = new ArrayList<>();
        for (RuleSetFile.HolidayData h : data) {
            try {
                out.add(new HolidayDefinition(h.name(), HolidayDefinition.Kind.parse(h.kind()),
                        h.date() == null ? null : LocalDate.parse(h.date().strip()), h.month(), h.day(),
                        h.weekday() == null ? null : DayOfWeek.valueOf(h.weekday().strip().toUpperCase(Locale.ROOT)),
                        h.nth(), Boolean.TRUE.equals(h.observed()), h.from(), h.until()));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new RuleDataException(source + ": holiday " + h.name() + ": " + e.getMessage());
            }
        }
        return out;
    }

    static String key(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Broken rule or calendar data. */
    public static class RuleDataException extends RuntimeException {
        public RuleDataException(String message) {
            super(message);
        }
    }
}
