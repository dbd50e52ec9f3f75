package io.dictum.core.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conflict matching on the labelled set in the repo: recall at least 98% at precision at least 90%. */
class ConflictMatcherTest {

    private final NameRules rules = NameRules.defaults();
    private final ConflictMatcher matcher = new ConflictMatcher(rules);

    record Pair(String query, String candidate, boolean expected, String why) {
    }

    private static List<Pair> labelled() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                ConflictMatcherTest.class.getResourceAsStream("labelled-pairs.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                pairs.add(new Pair(f[0], f[1], f[2].equals("match"), f[3]));
            }
        }
        return pairs;
    }

    @Test
    void theLabelledSetMeetsTheRecallAndPrecisionTargets() throws Exception {
        List<Pair> pairs = labelled();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> mistakes = new ArrayList<>();
        for (Pair p : pairs) {
            boolean hit = matcher.match(p.query(), p.candidate()).isPresent();
            if (hit && p.expected()) {
                tp++;
            } else if (hit) {
                fp++;
                mistakes.add("false hit: " + p);
            } else if (p.expected()) {
                fn++;
                mistakes.add("missed: " + p);
            }
        }
        double recall = tp / (double) (tp + fn);
        double precision = tp / (double) (tp + fp);
        System.out.printf("Conflict matching on %d labelled pairs: recall %.3f, precision %.3f%n%s%n", pairs.size(),
                recall, precision, String.join("\n", mistakes));
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(100);
        assertThat(recall).as("recall; %s", mistakes).isGreaterThanOrEqualTo(0.98);
        assertThat(precision).as("precision; %s", mistakes).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void eachHitSaysWhyItMatched() {
        assertThat(matcher.match("Bob Johnson", "Robert Johnson").orElseThrow().reasons())
                .anyMatch(r -> r.contains("forms of one given name"));
        assertThat(matcher.match("Miller, Sarah", "Sarah Miller").orElseThrow().reasons())
                .containsExactly("same name once case, punctuation, titles and legal form are ignored");
        assertThat(matcher.match("S. Miller", "Sarah Miller").orElseThrow().reasons())
                .anyMatch(r -> r.contains("initial 's'"));
        assertThat(matcher.match("Acme", "Acme Trucking Inc.").orElseThrow().reasons())
                .anyMatch(r -> r.contains("contained in"));
        assertThat(matcher.match("Sarah Miller", "Sarah Miller").orElseThrow().score()).isEqualTo(1.0);
    }

    @Test
    void normalisationTurnsSurnameFirstRoundButLeavesLegalFormsAlone() {
        assertThat(rules.words("Miller, Sarah J.")).containsExactly("sarah", "j", "miller");
        assertThat(rules.words("Acme Trucking, Inc.")).containsExactly("acme", "trucking");
        assertThat(rules.words("Acme Trucking L.L.C.")).containsExactly("acme", "trucking");
        assertThat(rules.words("Dr. Helen Park, M.D.")).doesNotContain("dr", "md");
    }
}
