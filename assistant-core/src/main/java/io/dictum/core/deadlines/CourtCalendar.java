package io.dictum.core.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The days a court counts as closed: Saturdays, Sundays and the holidays and closures of its definitions, computed
 * for any year on first use. A holiday observed on another day closes both days; so New Year's Day 2028, a
 * Saturday, closes Friday 31 December 2027 as well.
 */
public final class CourtCalendar {

    private final List<HolidayDefinition> definitions;
    private final Map<Integer, Map<LocalDate, List<HolidayDefinition.Occurrence>>> byYear = new ConcurrentHashMap<>();

    public CourtCalendar(List<HolidayDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public List<HolidayDefinition> definitions() {
        return definitions;
    }

    /** A calendar with these definitions added after this one's. */
    public CourtCalendar with(List<HolidayDefinition> more) {
        List<HolidayDefinition> all = new ArrayList<>(definitions);
        all.addAll(more);
        return new CourtCalendar(all);
    }

    /** Every holiday and closure falling in the year, in date order. */
    public Map<LocalDate, List<HolidayDefinition.Occurrence>> holidaysIn(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Map<LocalDate, List<HolidayDefinition.Occurrence>> days = new TreeMap<>();
            for (int holidayYear = y - 1; holidayYear <= y + 1; holidayYear++) {
                for (HolidayDefinition d : definitions) {
                    for (HolidayDefinition.Occurrence o : d.occurrencesFor(holidayYear)) {
                        if (o.date().getYear() == y) {
                            days.computeIfAbsent(o.date(), k -> new ArrayList<>()).add(o);
                        }
                    }
                }
            }
            return days;
        });
    }

    /**
     * Why the day does not count as the last day of a period counted in the given direction, or empty when it is a
     * day the court is open. A state holiday counts only for periods counted forward (FRCP 6(a)(6)(C)).
     */
    public Optional<String> closedBecause(LocalDate date, Direction direction) {
        List<String> reasons = new ArrayList<>();
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            reasons.add("a Saturday");
        } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            reasons.add("a Sunday");
        }
        for (HolidayDefinition.Occurrence o : holidaysIn(date.getYear()).getOrDefault(date, List.of())) {
            if (o.kind() == HolidayDefinition.Kind.STATE_HOLIDAY && direction == Direction.BEFORE) {
                continue;
            }
            reasons.add(switch (o.kind()) {
                case LEGAL_HOLIDAY -> o.label() + ", a legal holiday";
                case STATE_HOLIDAY -> o.label() + ", a state legal holiday";
                case CLOSURE -> o.label() + ", a day the clerk's office is closed";
            });
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons.stream().distinct()
                .collect(Collectors.joining(" and ")));
    }

    public boolean isOpen(LocalDate date, Direction direction) {
        return closedBecause(date, direction).isEmpty();
    }
}
