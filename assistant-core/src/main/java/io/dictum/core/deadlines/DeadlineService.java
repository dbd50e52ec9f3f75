package io.dictum.core.deadlines;

import io.dictum.core.errors.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Checks a request against the known rule sets and computes its deadlines. */
@Service
public class DeadlineService {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    private final RuleSetLibrary library;

    public DeadlineService(RuleSetLibrary library) {
        this.library = library;
    }

    public RuleSetLibrary library() {
        return library;
    }

    public DeadlineComputation compute(ComputeRequest request) {
        if (request == null) {
            throw new InvalidInputException("Send {ruleSet, trigger, date, serviceMethod?} as JSON.");
        }
        List<String> missing = new ArrayList<>();
        if (blank(request.ruleSet())) {
            missing.add("ruleSet");
        }
        if (blank(request.trigger())) {
            missing.add("trigger");
        }
        if (blank(request.date())) {
            missing.add("date");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("Missing " + String.join(", ", missing) + ": send {ruleSet, trigger, date,"
                    + " serviceMethod?}, e.g. {\"ruleSet\":\"FRCP\",\"trigger\":\"complaint_served\","
                    + "\"date\":\"2026-03-05\"}.");
        }
        RuleSet set = ruleSet(request.ruleSet());
        String trigger = trigger(set, request.trigger());
        LocalDateTime when = date(request.date());
        ServiceMethod method = ServiceMethod.parse(request.serviceMethod());
        LocalTime time = request.date().contains("T") ? when.toLocalTime() : null;
        List<ComputedDeadline> deadlines = DeadlineCalculator.compute(set, trigger, when.toLocalDate(), time, method);
        return new DeadlineComputation(set.id(), trigger, when.toLocalDate(), time, method.id(), deadlines);
    }

    public RuleSet ruleSet(String id) {
        return library.find(id).orElseThrow(() -> new InvalidInputException("ruleSet '" + id
                + "' is not known; available rule sets: " + String.join(", ", library.ids()) + "."));
    }

    public static String trigger(RuleSet set, String trigger) {
        String t = trigger.strip();
        if (!set.triggers().containsKey(t)) {
            throw new InvalidInputException("trigger '" + trigger + "' is not part of rule set " + set.id()
                    + "; use one of: " + set.triggers().entrySet().stream()
                    .map(Map.Entry::getKey).collect(Collectors.joining(", ")) + ".");
        }
        return t;
    }

    /** An ISO date (2026-03-05) or local date and time (2026-03-05T14:30); a date alone means its start. */
    public static LocalDateTime date(String text) {
        String t = text.strip();
        LocalDateTime when;
        try {
            when = t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date '" + text + "' is not a real calendar date in ISO form: send"
                    + " yyyy-mm-dd such as 2026-03-05 (or 2026-03-05T14:30 for periods counted in hours)"
                    + (e.getCause() != null && e.getCause().getMessage() != null
                    ? " (" + e.getCause().getMessage() + ")" : "") + ".");
        }
        if (when.getYear() < FIRST_YEAR || when.getYear() > LAST_YEAR) {
            throw new InvalidInputException("date " + text + " is outside the years " + FIRST_YEAR + " to "
                    + LAST_YEAR + " that deadlines are computed for.");
        }
        return when;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
