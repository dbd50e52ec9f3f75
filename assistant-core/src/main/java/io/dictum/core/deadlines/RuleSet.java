package io.dictum.core.deadlines;

import java.util.List;
import java.util.Map;

/**
 * A named set of deadline rules with the trigger events it knows and the court calendar its periods are counted
 * on. {@code countingRule} names the default counting rule (FRCP 6(a)); {@code threeDayRule} the rule that adds
 * three days after some kinds of service (FRCP 6(d)).
 */
public record RuleSet(String id, String title, Map<String, String> triggers, List<DeadlineRule> rules,
                      CourtCalendar calendar, String countingRule, String threeDayRule) {

    public List<DeadlineRule> triggeredBy(String trigger) {
        return rules.stream().filter(r -> trigger.equals(r.trigger())).toList();
    }

    public List<DeadlineRule> after(String ruleId) {
        return rules.stream().filter(r -> ruleId.equals(r.after())).toList();
    }
}
