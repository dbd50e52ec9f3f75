package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;

/** A rule-set or holiday data file as written (YAML or JSON); {@link RuleSetLoader} checks and resolves it. */
record RuleSetFile(String ruleSet, String title, @JsonProperty("extends") String base, String calendar,
                   String countingRule, String threeDayRule, LinkedHashMap<String, String> triggers,
                   List<HolidayData> holidays, List<RuleData> rules) {

    record RuleData(String id, String title, String trigger, String after, String period, String direction,
                    Boolean threeDayRule, String citation, String countingRule, String note) {
    }

    record HolidayData(String name, String kind, String date, Integer month, Integer day, String weekday,
                       Integer nth, Boolean observed, Integer from, Integer until) {
    }
}
