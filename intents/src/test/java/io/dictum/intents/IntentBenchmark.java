package io.dictum.intents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * In-process latency of {@link IntentRouter#interpret} over the evaluation set, against a baseline measured in the
 * same run: the speech normaliser alone (tokens and fillers), which every interpretation starts with. Run by
 * {@code scripts/bench-intents [rounds]}.
 */
final class IntentBenchmark {

    private IntentBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        IntentCatalogue catalogue = IntentCatalogue.defaults();
        IntentRouter router = new IntentRouter(catalogue, new DemoCaseResolver());
        List<String> texts = IntentEvaluation.examples().stream().map(IntentEvaluation.Example::text).toList();
        List<Utterance> utterances = texts.stream()
                .map(t -> new Utterance(t, Optional.empty(), IntentEvaluation.REFERENCE)).toList();
        boolean[] hit = new boolean[utterances.size()];
        for (int i = 0; i < utterances.size(); i++) {
            hit[i] = router.interpret(utterances.get(i)).intent() != Intent.UNKNOWN;
        }
        long sink = 0;
        for (int w = 0; w < Math.max(20, rounds / 5); w++) { // warm-up: let the JIT compile the hot paths
            for (Utterance u : utterances) {
                sink += router.interpret(u).slots().size();
                sink += catalogue.normaliser().tokens(u.text()).size();
            }
        }
        List<Long> hits = new ArrayList<>();
        List<Long> misses = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                long t0 = System.nanoTime();
                sink += catalogue.normaliser().tokens(u.text()).size();
                long t1 = System.nanoTime();
                sink += router.interpret(u).slots().size();
                long t2 = System.nanoTime();
                baseline.add(t1 - t0);
                (hit[i] ? hits : misses).add(t2 - t1);
            }
        }
        System.out.printf("utterances: %d (%d pattern hits, %d unknown), %d rounds, %d routes%n", utterances.size(),
                count(hit, true), count(hit, false), rounds, hits.size() + misses.size());
        print("interpret, pattern hits", hits);
        print("interpret, unknown", misses);
        print("baseline: normaliser only", baseline);
        System.out.printf("ratio interpret(hits) / normaliser: p50 %.1fx, p95 %.1fx%n",
                (double) percentile(hits, 50) / percentile(baseline, 50),
                (double) percentile(hits, 95) / percentile(baseline, 95));
        System.out.printf("target p95 for pattern hits < 2 ms: %s%n", percentile(hits, 95) < 2_000_000 ? "met" : "NOT met");
        if (sink == 42) {
            System.out.println();
        }
    }

    private static int count(boolean[] hit, boolean value) {
        int n = 0;
        for (boolean h : hit) {
            n += h == value ? 1 : 0;
        }
        return n;
    }

    private static void print(String label, List<Long> nanos) {
        System.out.printf("%-28s p50 %8.3f ms   p95 %8.3f ms   p99 %8.3f ms%n", label, percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6);
    }

    private static long percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
