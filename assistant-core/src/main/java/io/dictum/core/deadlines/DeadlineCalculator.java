package io.dictum.core.deadlines;

import io.dictum.core.errors.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts periods as FRCP 6(a) and FRAP 26(a) do. Days: exclude the trigger day, count every day, include the last
 * day, and when the last day is a Saturday, Sunday or legal holiday go on to the next day that is none of these,
 * forward for periods after an event and backward for periods before one (6(a)(5)). Hours: start at once, count
 * every hour, and when the period ends on a closed day go on to the same time of the next open day (6(a)(2)).
 * Months, which 6(a) does not address, run to the same day of the month (the last day of a shorter month) and then
 * move like days. FRCP 6(d) adds three days after the period would otherwise expire, where the rule allows it and
 * service was by mail, by leaving with the clerk or by other consented means; a third day that is closed moves on
 * again. A pure function of its inputs.
 */
public final class DeadlineCalculator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private DeadlineCalculator() {
    }

    /** Every deadline the trigger sets off in the rule set, with those counted from them, in rule-set order. */
    public static List<ComputedDeadline> compute(RuleSet set, String trigger, LocalDate date, LocalTime time,
                                                 ServiceMethod method) {
        List<ComputedDeadline> out = new ArrayList<>();
        for (DeadlineRule rule : set.triggeredBy(trigger)) {
            String start = set.triggers().get(trigger) + " (" + trigger + ") on " + day(date)
                    + (time == null ? "" : " at " + TIME.format(time));
            add(set, rule, date, time, start, method, out);
        }
        return out;
    }

    private static void add(RuleSet set, DeadlineRule rule, LocalDate date, LocalTime time, String start,
                            ServiceMethod method, List<ComputedDeadline> out) {
        ComputedDeadline d = one(set, rule, date, time, start, method);
        out.add(d);
        for (DeadlineRule next : set.after(rule.id())) {
            add(set, next, d.dueDate(), d.dueAt() == null ? null : d.dueAt().toLocalTime(),
                    "the due date of " + rule.title() + " (" + rule.id() + "), " + day(d.dueDate()), method, out);
        }
    }

    static ComputedDeadline one(RuleSet set, DeadlineRule rule, LocalDate date, LocalTime time, String start,
                                ServiceMethod method) {
        CourtCalendar calendar = set.calendar();
        Direction dir = rule.direction();
        String cr = rule.countingRule();
        String way = dir == Direction.AFTER ? "forward" : "backward";
        List<String> steps = new ArrayList<>();
        steps.add("Trigger: " + start + ".");
        LocalDate landing;
        LocalTime dueTime = null;
        int n = rule.period().amount();
        switch (rule.period().unit()) {
            case DAYS -> {
                landing = dir == Direction.AFTER ? date.plusDays(n) : date.minusDays(n);
                steps.add("Period: " + rule.period() + " " + (dir == Direction.AFTER ? "after" : "before")
                        + " the trigger. Under " + cr + "(1) the trigger day is excluded and every day counts,"
                        + " weekends and holidays included; counting " + n + " days " + way + " from "
                        + day(date) + ", day " + n + " is " + day(landing) + ".");
            }
            case MONTHS -> {
                landing = dir == Direction.AFTER ? date.plusMonths(n) : date.minusMonths(n);
                steps.add("Period: " + rule.period() + " " + (dir == Direction.AFTER ? "after" : "before")
                        + " the trigger. " + cr + " does not define months; the period runs to the same day of the"
                        + " month, or to the last day of a month that has no such day: " + day(landing) + ".");
            }
            case HOURS -> {
                if (time == null) {
                    throw new InvalidInputException(rule.title() + " is counted in hours and needs the time of the"
                            + " event: send date as a local date and time, e.g. " + date + "T14:30.");
                }
                LocalDateTime at = LocalDateTime.of(date, time);
                LocalDateTime end = dir == Direction.AFTER ? at.plusHours(n) : at.minusHours(n);
                landing = end.toLocalDate();
                dueTime = end.toLocalTime();
                steps.add("Period: " + rule.period() + " " + (dir == Direction.AFTER ? "after" : "before")
                        + " the trigger. Under " + cr + "(2) counting begins at once and every hour counts,"
                        + " weekends and holidays included; " + n + " hours " + way + " is " + day(landing) + " at "
                        + TIME.format(dueTime) + ".");
            }
            default -> throw new IllegalStateException();
        }
        LocalDate due = roll(calendar, landing, dir, cr, rule.period().unit() == Period.Unit.HOURS ? "(2)(C)"
                : "(1)(C)", steps);
        if (rule.threeDayRule() && method.addsThreeDays()) {
            LocalDate plus3 = due.plusDays(3);
            steps.add("Served " + method.description() + ": " + set.threeDayRule() + " adds 3 days after the"
                    + " period would otherwise expire: " + day(due) + " + 3 days = " + day(plus3) + ".");
            due = roll(calendar, plus3, Direction.AFTER, cr, "(1)(C)", steps);
        } else if (rule.threeDayRule()) {
            steps.add("Served " + method.description() + ": " + set.threeDayRule() + " adds no days.");
        } else if (method.addsThreeDays()) {
            steps.add(set.threeDayRule() + " does not apply to this period, so service " + method.description()
                    + " adds no days.");
        }
        LocalDateTime dueAt = dueTime == null ? null : LocalDateTime.of(due, dueTime);
        steps.add("Due: " + day(due) + (dueTime == null ? "" : " at " + TIME.format(dueTime)) + ". Citation: "
                + rule.citation() + "; counted under " + cr + "."
                + (dueTime == null ? " The last day ends at midnight in the court's time zone for electronic filing,"
                + " or when the clerk's office is scheduled to close for filing on paper (" + cr + "(4))." : ""));
        if (rule.note() != null) {
            steps.add("Note: " + rule.note());
        }
        return new ComputedDeadline(rule.id(), rule.title(), due, dueAt, rule.citation(), String.join(" ", steps),
                List.copyOf(steps), rule.after());
    }

    /** The landing day, or the next open day in the direction of counting, with a step saying which and why. */
    private static LocalDate roll(CourtCalendar calendar, LocalDate landing, Direction dir, String cr,
                                  String paragraph, List<String> steps) {
        Optional<String> closed = calendar.closedBecause(landing, dir);
        if (closed.isEmpty()) {
            steps.add(day(landing) + " is not a Saturday, Sunday or legal holiday, so it stands.");
            return landing;
        }
        StringBuilder s = new StringBuilder(day(landing) + " is " + closed.get() + ". Under " + cr + paragraph
                + " the period continues to run to the " + (dir == Direction.AFTER ? "next" : "previous")
                + " day that is not a Saturday, Sunday or legal holiday"
                + (dir == Direction.BEFORE ? " (counting backward for a period before an event, " + cr + "(5))" : "")
                + ":");
        LocalDate d = landing;
        while (true) {
            d = dir == Direction.AFTER ? d.plusDays(1) : d.minusDays(1);
            Optional<String> why = calendar.closedBecause(d, dir);
            if (why.isEmpty()) {
                break;
            }
            s.append(" ").append(day(d)).append(" is ").append(why.get()).append(";");
        }
        s.append(" ").append(day(d)).append(" is open.");
        steps.add(s.toString());
        return d;
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
