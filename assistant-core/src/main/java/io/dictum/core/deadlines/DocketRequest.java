package io.dictum.core.deadlines;

/** A trigger event to docket on a case; the rule set is FRCP when omitted, the service electronic. */
public record DocketRequest(String trigger, String date, String serviceMethod, String ruleSet) {
}
