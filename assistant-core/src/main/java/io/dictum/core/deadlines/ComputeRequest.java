package io.dictum.core.deadlines;

/**
 * What to compute: the rule set, the trigger event, its date (an ISO date, or a local date and time for periods in
 * hours) and how the triggering paper was served (electronic when omitted). Kept as text so that every mistake is
 * answered with a message of ours.
 */
public record ComputeRequest(String ruleSet, String trigger, String date, String serviceMethod) {
}
