package io.dictum.core.deadlines;

/**
 * One deadline of a rule set: counted {@code period} in {@code direction} from its trigger event, or (with
 * {@code after}) from the due date of another rule of the same set. {@code threeDayRule} says whether FRCP 6(d)
 * may add three days for service by mail, by leaving with the clerk or by other consented means.
 */
public record DeadlineRule(String id, String title, String trigger, String after, Period period,
                           Direction direction, boolean threeDayRule, String citation, String countingRule,
                           String note) {

    public boolean isChained() {
        return after != null;
    }
}
