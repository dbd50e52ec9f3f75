package io.dictum.core.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FRCP rule set against examples worked out by hand (frcp-worked-examples.tsv): each row carries its
 * computation, so a failure shows at once which of the two is wrong.
 */
class DeadlineWorkedExamplesTest {

    private static final DeadlineService SERVICE = new DeadlineService(RuleSetLibrary.builtIn());

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = DeadlineWorkedExamplesTest.class.getResourceAsStream("frcp-worked-examples.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 6) {
                    throw new IllegalStateException("row needs 6 tab-separated columns: " + line);
                }
                rows.add(Arguments.of(f[0], f[1], f[2], f[3], LocalDate.parse(f[4]), f[5]));
            }
        }
        return rows.stream();
    }

    @Test
    void thereAreEnoughExamplesAcrossTheThreeYears() throws IOException {
        List<Arguments> all = examples().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        for (int year = 2026; year <= 2028; year++) {
            String y = String.valueOf(year);
            assertThat(all).filteredOn(a -> ((String) a.get()[1]).startsWith(y)).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} due {4}: {5}")
    @MethodSource("examples")
    void workedExample(String trigger, String date, String method, String rule, LocalDate due, String working) {
        DeadlineComputation result = SERVICE.compute(new ComputeRequest("FRCP", trigger, date, method));
        ComputedDeadline deadline = result.deadlines().stream().filter(d -> d.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(trigger + " does not set off " + rule));
        assertThat(deadline.dueDate()).as(working + "\n" + deadline.explanation()).isEqualTo(due);
        assertThat(deadline.explanation()).contains(DeadlineCalculator.day(due)).contains(deadline.citation());
    }
}
