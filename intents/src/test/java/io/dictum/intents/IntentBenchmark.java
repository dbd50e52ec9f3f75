package io.dictum.intents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * In-process latency of the intent chain over the evaluation set, by the stage that answered: pattern hits, answers
 * of the paraphrase classifier (patterns tried first, then one embedding and the nearest phrases), answers of the
 * slot-first reader (all of that first), and utterances that stay unknown after all; beside a baseline measured in the same run, the speech normaliser alone (tokens and
 * fillers), which every interpretation starts with. Run by {@code scripts/bench-intents [rounds]}.
 */
final class IntentBenchmark {

    private IntentBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        IntentCatalogue catalogue = IntentCatalogue.defaults();
        DemoCaseResolver resolver = new DemoCaseResolver();
        Interpreter chain = new Interpreter(catalogue, List.of(IntentEvaluation.semantic()));
        List<Utterance> utterances = IntentEvaluation.examples().stream()
                .map(e -> new Utterance(e.text(), Optional.empty(), IntentEvaluation.REFERENCE)).toList();
        InterpretationSource[] stage = new InterpretationSource[utterances.size()];
        for (int i = 0; i < utterances.size(); i++) {
            stage[i] = chain.interpret(utterances.get(i), resolver).source();
        }
        long sink = 0;
        for (int w = 0; w < Math.max(5, rounds / 5); w++) { // warm-up: let the JIT compile the hot paths
            for (Utterance u : utterances) {
                sink += chain.interpret(u, resolver).slots().size();
                sink += catalogue.normaliser().tokens(u.text()).size();
            }
        }
        List<Long> patterns = new ArrayList<>();
        List<Long> semantic = new ArrayList<>();
        List<Long> slotFirst = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                long t0 = System.nanoTime();
                sink += catalogue.normaliser().tokens(u.text()).size();
                long t1 = System.nanoTime();
                sink += chain.interpret(u, resolver).slots().size();
                long t2 = System.nanoTime();
                baseline.add(t1 - t0);
                switch (stage[i]) {
                    case PATTERN -> patterns.add(t2 - t1);
                    case SEMANTIC -> semantic.add(t2 - t1);
                    case SLOTS -> slotFirst.add(t2 - t1);
                    default -> unknown.add(t2 - t1);
                }
            }
        }
        System.out.printf("utterances: %d (%d pattern hits, %d paraphrase-fallback hits, %d slot-first hits, %d unknown),"
                        + " %d rounds%n", utterances.size(), patterns.size() / rounds, semantic.size() / rounds,
                slotFirst.size() / rounds, unknown.size() / rounds, rounds);
        print("pattern hits", patterns);
        print("paraphrase-fallback hits", semantic);
        print("slot-first hits", slotFirst);
        print("unknown after all", unknown);
        print("baseline: normaliser only", baseline);
        System.out.printf("ratio fallback hit / pattern hit: p50 %.0fx, p95 %.0fx%n",
                (double) percentile(semantic, 50) / percentile(patterns, 50),
                (double) percentile(semantic, 95) / percentile(patterns, 95));
        System.out.printf("target p95 pattern hits < 2 ms: %s; p95 fallback hits < 25 ms: %s%n",
                percentile(patterns, 95) < 2_000_000 ? "met" : "NOT met",
                percentile(semantic, 95) < 25_000_000 ? "met" : "NOT met");
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void print(String label, List<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.printf("%-28s none%n", label);
            return;
        }
        System.out.printf("%-28s p50 %8.3f ms   p95 %8.3f ms   p99 %8.3f ms%n", label, percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6);
    }

    private static long percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
