package io.dictum.core.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Broken rule data is refused with a message that names the file and the mistake. */
class DeadlineRuleDataTest {

    private static final String CALENDAR = "calendar: plain\nholidays: []\n";

    private static RuleSetLoader load(String yaml) {
        return new RuleSetLoader()
                .add("plain.yaml", new ByteArrayInputStream(CALENDAR.getBytes(StandardCharsets.UTF_8)))
                .add("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String set(String rules) {
        return "ruleSet: T\ncalendar: plain\ntriggers:\n  served: Service\nrules:\n" + rules;
    }

    @Test
    void aValidSetLoads() {
        RuleSet t = load(set("""
                  - id: a
                    title: A
                    trigger: served
                    period: 1 day
                    threeDayRule: true
                    citation: R 1
                """)).resolve().get("T");
        assertThat(t.rules()).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo(new Period(1, Period.Unit.DAYS));
            assertThat(r.countingRule()).isEqualTo("FRCP 6(a)");
        });
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> load(set("""
                  - id: a
                    title: A
                    trigger: filed
                    period: 1 day
                    threeDayRule: false
                    citation: R 1
                """)).resolve()).hasMessageContaining("test.yaml").hasMessageContaining("unknown trigger filed");
        assertThatThrownBy(() -> load(set("""
                  - id: a
                    title: A
                    trigger: served
                    period: 1 day
                    citation: R 1
                """)).resolve()).hasMessageContaining("threeDayRule");
        assertThatThrownBy(() -> load(set("""
                  - id: a
                    title: A
                    trigger: served
                    period: 2 weeks
                    threeDayRule: false
                    citation: R 1
                """)).resolve()).hasMessageContaining("days, hours or months");
        assertThatThrownBy(() -> load(set("""
                  - id: a
                    title: A
                    after: b
                    period: 2 days
                    threeDayRule: false
                    citation: R 1
                  - id: b
                    title: B
                    after: a
                    period: 2 days
                    threeDayRule: false
                    citation: R 1
                """)).resolve()).hasMessageContaining("circle");
        assertThatThrownBy(() -> load(set("""
                  - id: a
                    title: A
                    trigger: served
                    period: 2 days
                    threeDayRule: false
                    citation: R 1
                    citaton: typo
                """))).hasMessageContaining("test.yaml").hasMessageContaining("citaton");
        assertThatThrownBy(() -> load("ruleSet: T\nextends: NOPE\nrules: []\n").resolve())
                .hasMessageContaining("extends unknown rule set NOPE");
        assertThatThrownBy(() -> load("calendar: x\nholidays:\n  - name: Bad\n    month: 2\n    day: 30\n"))
                .hasMessageContaining("Bad");
    }
}
