package io.dictum.intents;

import io.dictum.intents.semantic.SemanticClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the labelled utterances of {@code eval/utterances.tsv}, {@code eval/development.tsv} and
 * {@code eval/held-out.tsv} through the bundled catalogue and measures intent accuracy, slot exact match and how many
 * distractors became a command that changes data. Run by {@code IntentEvaluationTest} (which asserts the floors) and
 * printed by {@code scripts/eval-intents}. The held-out block is never tuned on: its misses are printed only when
 * asked for. It may be empty (between one block being read and a fresh one being written).
 */
final class IntentEvaluation {

    /** The moment every utterance of the set is read against: a Wednesday morning at the firm. */
    static final ZonedDateTime REFERENCE = ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 0, ZoneId.of("America/New_York"));


    /** Where a labelled line comes from. */
    enum Block {
        /** utterances.tsv before the "# ---- paraphrases" header: lines written for the patterns. */
        PATTERN("pattern lines"),
        /** utterances.tsv from the "# ---- paraphrases" header: requests written to be missed by the patterns. */
        PARAPHRASE("paraphrase block"),
        /** development.tsv: more requests, written after the first held-out block to tune general phrasings on. */
        DEVELOPMENT("development block"),
        /**
         * development.tsv from the "# ---- formerly held out" header: the earlier held-out blocks, each tuned on once its
         * misses were read; kept apart to show what reading them bought.
         */
        FORMERLY_HELD_OUT("formerly held out"),
        /** held-out.tsv: requests never tuned on; empty until a fresh block is written. */
        HELD_OUT("held-out block");

        final String label;

        Block(String label) {
            this.label = label;
        }
    }

    /**
     * One labelled line; {@code slots} holds case titles for case slots and "?" for a slot expected unresolved;
     * {@code blindBlock} numbers the blind block a formerly held-out line was written in (1 for the first), 0 elsewhere.
     */
    record Example(int line, String text, Intent intent, Map<String, String> slots, Block block, int blindBlock) {
        boolean paraphrase() {
            return block == Block.PARAPHRASE;
        }

        /** "utterances.tsv:12" */
        String where() {
            return switch (block) {
                case HELD_OUT -> "held-out.tsv:";
                case DEVELOPMENT, FORMERLY_HELD_OUT -> "development.tsv:";
                default -> "utterances.tsv:";
            } + line;
        }
    }

    /** The outcome of one example, with the stage of the chain that answered. */
    record Outcome(Example example, Intent intent, Map<String, String> slots, InterpretationSource source) {
        boolean intentRight() {
            return intent == example.intent();
        }

        boolean slotsRight() {
            return intentRight() && slots.equals(example.slots());
        }
    }

    record Report(List<Outcome> outcomes) {
        /** The lines of one block. */
        Report part(Block block) {
            return new Report(outcomes.stream().filter(o -> o.example().block() == block).toList());
        }

        /** The formerly held-out lines of the given blind blocks (1 for the first). */
        Report blindBlocks(int first, int last) {
            return new Report(outcomes.stream().filter(o -> o.example().block() == Block.FORMERLY_HELD_OUT
                    && o.example().blindBlock() >= first && o.example().blindBlock() <= last).toList());
        }

        /** The number of blind blocks among the formerly held-out lines. */
        int blindBlockCount() {
            return outcomes.stream().mapToInt(o -> o.example().blindBlock()).max().orElse(0);
        }

        /** The set the targets are measured on: utterances.tsv, its pattern lines and its paraphrase block. */
        Report whole() {
            return new Report(outcomes.stream()
                    .filter(o -> o.example().block() == Block.PATTERN || o.example().block() == Block.PARAPHRASE).toList());
        }

        int total() {
            return outcomes.size();
        }

        double intentAccuracy() {
            return total() == 0 ? 0 : (double) outcomes.stream().filter(Outcome::intentRight).count() / total();
        }

        /** Among utterances that expect a command (not unknown): intent right and every slot exactly as labelled. */
        double slotExactMatch() {
            List<Outcome> commands = outcomes.stream().filter(o -> o.example().intent() != Intent.UNKNOWN).toList();
            return commands.isEmpty() ? 0 : (double) commands.stream().filter(Outcome::slotsRight).count() / commands.size();
        }

        long distractors() {
            return outcomes.stream().filter(o -> o.example().intent() == Intent.UNKNOWN).count();
        }

        /** Distractors read as a command that would change data. */
        List<Outcome> changingDistractors() {
            return outcomes.stream().filter(o -> o.example().intent() == Intent.UNKNOWN && o.intent().changesData())
                    .toList();
        }

        List<Outcome> misses() {
            return outcomes.stream().filter(o -> !o.slotsRight() && !(o.intentRight() && o.intent() == Intent.UNKNOWN))
                    .toList();
        }

        /** Answers given by a stage other than the patterns. */
        long answeredBy(InterpretationSource source) {
            return outcomes.stream().filter(o -> o.source() == source).count();
        }

        /** Answers by the fallback that were the labelled intent. */
        long rightBy(InterpretationSource source) {
            return outcomes.stream().filter(o -> o.source() == source && o.intentRight()).count();
        }

        /** expected → actual → count, for wrong intents only. */
        Map<String, Long> confusions() {
            Map<String, Long> counts = new TreeMap<>();
            outcomes.stream().filter(o -> !o.intentRight())
                    .forEach(o -> counts.merge(o.example().intent().id() + " -> " + o.intent().id(), 1L, Long::sum));
            return counts;
        }
    }

    private IntentEvaluation() {
    }

    /**
     * Every labelled line: utterances.tsv (pattern lines, then the paraphrase block), development.tsv (its own lines,
     * then the formerly held-out ones), held-out.tsv.
     */
    static List<Example> examples() {
        List<Example> examples = new ArrayList<>(read("utterances.tsv", Block.PATTERN));
        examples.addAll(read("development.tsv", Block.DEVELOPMENT));
        examples.addAll(read("held-out.tsv", Block.HELD_OUT));
        return examples;
    }

    private static List<Example> read(String file, Block first) {
        String text;
        try (InputStream in = IntentEvaluation.class.getResourceAsStream("/eval/" + file)) {
            if (in == null) {
                throw new IllegalStateException("eval/" + file + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Example> examples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Block block = first;
        int blindBlock = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (block == Block.PATTERN && line.startsWith("# ---- paraphrases")) {
                block = Block.PARAPHRASE;
            }
            if (block == Block.DEVELOPMENT && line.startsWith("# ---- formerly held out")) {
                block = Block.FORMERLY_HELD_OUT;
                blindBlock = 1;
            }
            if (block == Block.FORMERLY_HELD_OUT && line.matches("# ---- \\w+ blind block.*")) {
                blindBlock++; // "# ---- second blind block: ..."
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = lines[i].split("\t", -1);
            if (cols.length < 2 || cols.length > 3) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": expected 2 or 3 columns: " + line);
            }
            Map<String, String> slots = new LinkedHashMap<>();
            if (cols.length == 3 && !cols[2].isBlank()) {
                for (String pair : cols[2].split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalStateException(file + " line " + (i + 1) + ": bad slot '" + pair + "'");
                    }
                    slots.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            examples.add(new Example(i + 1, cols[0], Intent.fromId(cols[1].trim()), slots, block, blindBlock));
        }
        return examples;
    }

    private static SemanticClassifier semantic;

    /** The bundled offline paraphrase classifier, embedded once per run. */
    static synchronized SemanticClassifier semantic() {
        if (semantic == null) {
            semantic = new SemanticClassifier(IntentCatalogue.defaults());
        }
        return semantic;
    }

    /** The whole offline chain: patterns, then the paraphrase classifier. */
    static Report run() {
        return run(List.of(semantic()));
    }

    /** The patterns, then the given fallbacks in order. */
    static Report run(List<Fallback> fallbacks) {
        DemoCaseResolver resolver = new DemoCaseResolver();
        Interpreter interpreter = new Interpreter(IntentCatalogue.defaults(), fallbacks);
        List<Outcome> outcomes = new ArrayList<>();
        for (Example e : examples()) {
            Interpretation i = interpreter.interpret(new Utterance(e.text(), Optional.empty(), REFERENCE), resolver);
            Map<String, String> slots = new LinkedHashMap<>();
            i.slots().forEach((name, value) -> slots.put(name,
                    resolver.title(value) != null && name.equals("case") ? resolver.title(value) : value));
            i.unresolved().keySet().forEach(name -> slots.put(name, "?"));
            outcomes.add(new Outcome(e, i.intent(), slots, i.source()));
        }
        return new Report(outcomes);
    }

    static String format(Report r) {
        return format(r, true);
    }

    /** Totals, confusions and misses; the held-out block's misses only with {@code heldOutMisses}. */
    static String format(Report r, boolean heldOutMisses) {
        StringBuilder out = new StringBuilder();
        if (r.total() == 0) {
            return out.append("no utterances\n").toString();
        }
        out.append(String.format("utterances:          %d (%d distractors)%n", r.total(), r.distractors()));
        out.append(String.format("intent accuracy:     %.1f%%%n", 100 * r.intentAccuracy()));
        out.append(String.format("slot exact match:    %.1f%% (of utterances that expect a command)%n", 100 * r.slotExactMatch()));
        out.append(String.format("changing distractors: %d%n", r.changingDistractors().size()));
        if (r.answeredBy(InterpretationSource.SEMANTIC) > 0) {
            out.append(String.format("answered by the paraphrase fallback: %d (%d of them the labelled intent)%n",
                    r.answeredBy(InterpretationSource.SEMANTIC), r.rightBy(InterpretationSource.SEMANTIC)));
        }
        if (r.answeredBy(InterpretationSource.SLOTS) > 0) {
            out.append(String.format("answered by the slot-first reader: %d (%d of them the labelled intent)%n",
                    r.answeredBy(InterpretationSource.SLOTS), r.rightBy(InterpretationSource.SLOTS)));
        }
        out.append("confusions (expected -> read):").append(r.confusions().isEmpty() ? " none" : "").append('\n');
        r.confusions().forEach((k, v) -> out.append(String.format("  %-34s %d%n", k, v)));
        List<Outcome> misses = r.misses().stream()
                .filter(o -> heldOutMisses || o.example().block() != Block.HELD_OUT).toList();
        out.append("misses:").append(misses.isEmpty() ? " none" : "").append('\n');
        for (Outcome o : misses) {
            out.append(String.format("  %s: \"%s\"%n      expected %s %s%n      read     %s %s (%s)%n",
                    o.example().where(), o.example().text(), o.example().intent().id(), o.example().slots(),
                    o.intent().id(), o.slots(), o.source().id()));
        }
        long hidden = r.misses().size() - misses.size();
        if (hidden > 0) {
            out.append(String.format("  (%d misses of the held-out block not shown: --held-out-misses)%n", hidden));
        }
        return out.toString();
    }

    private static void compare(String label, Report patterns, Report chain) {
        System.out.println(label);
        if (chain.total() == 0) {
            System.out.println("  no utterances");
            return;
        }
        System.out.printf("  %-42s %11.1f%% %11.1f%%%n", "intent accuracy", 100 * patterns.intentAccuracy(),
                100 * chain.intentAccuracy());
        System.out.printf("  %-42s %11.1f%% %11.1f%%%n", "slot exact match", 100 * patterns.slotExactMatch(),
                100 * chain.slotExactMatch());
        System.out.printf("  %-42s %12d %12d%n", "changing actions on distractors (" + chain.distractors() + ")",
                patterns.changingDistractors().size(), chain.changingDistractors().size());
    }

    /**
     * Prints the patterns alone, then the patterns with the paraphrase fallback, each block side by side, and how its
     * threshold and margin trade answers against distractors ({@code --sweep}, on utterances.tsv only).
     */
    public static void main(String[] args) {
        List<String> options = List.of(args);
        if (options.contains("--try")) { // reads the given utterances, one per argument after --try
            Interpreter chain = new Interpreter(IntentCatalogue.defaults(), List.of(semantic()));
            DemoCaseResolver resolver = new DemoCaseResolver();
            for (String text : options.subList(options.indexOf("--try") + 1, options.size())) {
                Interpretation i = chain.interpret(new Utterance(text, Optional.empty(), REFERENCE), resolver);
                System.out.printf("%-60s %-16s %s %s (%s) %s%n", text, i.intent().id(), i.slots(), i.unresolved().keySet(),
                        i.source().id(), semantic().rank(text).intents().subList(0, 3));
            }
            return;
        }
        boolean heldOutMisses = options.contains("--held-out-misses");
        Report patterns = run(List.of());
        Report chain = run();
        System.out.println("== patterns only (utterances.tsv)");
        System.out.print(format(patterns.whole(), false));
        System.out.println();
        System.out.printf("== patterns, then the paraphrase fallback (threshold %.2f, %.2f for changing intents, margin %.2f,"
                        + " %d catalogue phrases)%n", semantic().policy().threshold(), semantic().policy().changingThreshold(),
                semantic().policy().margin(), semantic().phraseCount());
        System.out.print(format(chain.whole(), false));
        System.out.println();
        System.out.println("== the development block through the same chain (tuned on)");
        System.out.print(format(chain.part(Block.DEVELOPMENT), false));
        System.out.println();
        System.out.println("== the formerly held-out lines of development.tsv through the same chain (tuned on)");
        System.out.print(format(chain.part(Block.FORMERLY_HELD_OUT), false));
        System.out.println();
        System.out.println("== the held-out block through the same chain" + (heldOutMisses ? "" : " (totals only)"));
        Report heldOut = chain.part(Block.HELD_OUT);
        if (heldOut.total() == 0) {
            System.out.println("no held-out utterances");
        } else if (heldOutMisses) {
            System.out.print(format(heldOut, true));
        } else {
            System.out.printf("utterances %d (%d distractors), intent accuracy %.1f%%, slot exact match %.1f%%, "
                            + "changing distractors %d; misses with --held-out-misses%n", heldOut.total(),
                    heldOut.distractors(), 100 * heldOut.intentAccuracy(), 100 * heldOut.slotExactMatch(),
                    heldOut.changingDistractors().size());
        }
        System.out.println();
        System.out.printf("%-44s %12s %12s%n", "", "patterns", "+ fallback");
        compare("whole set, utterances.tsv (" + chain.whole().total() + ")", patterns.whole(), chain.whole());
        for (Block block : Block.values()) {
            compare(block.label + " (" + chain.part(block).total() + ")", patterns.part(block), chain.part(block));
            if (block == Block.FORMERLY_HELD_OUT) {
                for (int b = 1; b <= chain.blindBlockCount(); b++) {
                    compare("  blind block " + b + " (" + chain.blindBlocks(b, b).total() + ")",
                            patterns.blindBlocks(b, b), chain.blindBlocks(b, b));
                }
            }
        }
        System.out.println("changing actions on distractors");
        System.out.printf("  %-42s %12d %12d%n", "old: utterances.tsv (" + chain.whole().distractors() + ")",
                patterns.whole().changingDistractors().size(), chain.whole().changingDistractors().size());
        Report development = chain.part(Block.DEVELOPMENT);
        Report formerly = chain.part(Block.FORMERLY_HELD_OUT);
        System.out.printf("  %-42s %12d %12d%n", "development.tsv (" + (development.distractors() + formerly.distractors()) + ")",
                patterns.part(Block.DEVELOPMENT).changingDistractors().size()
                        + patterns.part(Block.FORMERLY_HELD_OUT).changingDistractors().size(),
                development.changingDistractors().size() + formerly.changingDistractors().size());
        if (heldOut.total() == 0) {
            System.out.printf("  %-42s %25s%n", "held-out.tsv", "no held-out utterances");
        } else {
            System.out.printf("  %-42s %12d %12d%n", "held-out.tsv (" + heldOut.distractors() + ")",
                    patterns.part(Block.HELD_OUT).changingDistractors().size(), heldOut.changingDistractors().size());
        }
        if (options.contains("--explain")) {
            System.out.println();
            System.out.println("== what the paraphrase classifier saw in each utterance the patterns missed");
            for (int k = 0; k < patterns.outcomes().size(); k++) {
                Outcome o = patterns.outcomes().get(k);
                if (o.intent() == Intent.UNKNOWN && (heldOutMisses || o.example().block() != Block.HELD_OUT)) {
                    System.out.printf("  %-16s -> %-16s %s  \"%s\"%n", o.example().intent().id(),
                            chain.outcomes().get(k).intent().id(),
                            semantic().rank(o.example().text()).intents().subList(0, 3), o.example().text());
                }
            }
        }
        if (options.contains("--alone")) {
            // the classifier without the patterns, on every line of utterances.tsv and development.tsv: how often it
            // answers, how often rightly, and how many distractors it would turn into a change, for other limits
            System.out.println();
            System.out.println("== the paraphrase classifier alone on utterances.tsv + development.tsv");
            System.out.printf("%-4s %-10s %-9s %-8s %10s %10s %12s %12s%n", "k", "threshold", "changing", "margin",
                    "answered", "right", "changing ok", "changing bad");
            List<Example> lines = examples().stream().filter(e -> e.block() != Block.HELD_OUT).toList();
            DemoCaseResolver resolver = new DemoCaseResolver();
            for (int k : new int[] {1, 3, 4, 5}) {
                for (double[] limits : new double[][] {{0.65, 0.90, 0.05}, {0.60, 0.80, 0.05}, {0.55, 0.80, 0.05},
                        {0.55, 0.75, 0.05}, {0.60, 0.75, 0.05}, {0.55, 0.70, 0.05}, {0.50, 0.75, 0.05},
                        {0.55, 0.75, 0.03}}) {
                    SemanticClassifier c = semantic().withPolicy(semantic().policy().withNeighbours(k)
                            .withLimits(limits[0], limits[1], limits[2]));
                    int answered = 0;
                    int right = 0;
                    int changingRight = 0;
                    int changingBad = 0;
                    for (Example e : lines) {
                        Optional<Interpretation> i = c.interpret(new Utterance(e.text(), Optional.empty(), REFERENCE), resolver);
                        if (i.isPresent()) {
                            answered++;
                            right += i.get().intent() == e.intent() ? 1 : 0;
                            if (i.get().intent().changesData()) {
                                if (i.get().intent() == e.intent()) {
                                    changingRight++;
                                } else {
                                    changingBad++;
                                }
                            }
                        }
                    }
                    System.out.printf("%-4d %-10.2f %-9.2f %-8.2f %10d %10d %12d %12d%n", k, limits[0], limits[1],
                            limits[2], answered, right, changingRight, changingBad);
                }
            }
        }
        if (options.contains("--sweep")) {
            System.out.println();
            System.out.println("== the fallback's limits on utterances.tsv");
            System.out.printf("%-10s %-9s %-8s %10s %10s %10s %10s%n", "threshold", "changing", "margin", "accuracy",
                    "slots", "answered", "changing");
            for (double[] limits : new double[][] {{0.60, 0.90}, {0.65, 0.90}, {0.70, 0.70}, {0.70, 0.80}, {0.70, 0.85},
                    {0.70, 0.90}, {0.75, 0.90}, {0.80, 0.95}}) {
                for (double margin : new double[] {0.0, 0.05, 0.10}) {
                    Report r = run(List.of(semantic().withPolicy(semantic().policy().withLimits(limits[0], limits[1], margin))))
                            .whole();
                    System.out.printf("%-10.2f %-9.2f %-8.2f %9.1f%% %9.1f%% %10d %10d%n", limits[0], limits[1], margin,
                            100 * r.intentAccuracy(), 100 * r.slotExactMatch(),
                            r.answeredBy(InterpretationSource.SEMANTIC), r.changingDistractors().size());
                }
            }
        }
    }
}
