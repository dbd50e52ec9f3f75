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
 * Runs the labelled utterances of {@code eval/utterances.tsv} through the bundled catalogue and measures intent
 * accuracy, slot exact match and how many distractors became a command that changes data. Run by
 * {@code IntentEvaluationTest} (which asserts the targets) and printed by {@code scripts/eval-intents}.
 */
final class IntentEvaluation {

    /** The moment every utterance of the set is read against: a Wednesday morning at the firm. */
    static final ZonedDateTime REFERENCE = ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 0, ZoneId.of("America/New_York"));


    /**
     * One labelled line; {@code slots} holds case titles for case slots and "?" for a slot expected unresolved;
     * {@code paraphrase} for the lines after the "# ---- paraphrases" header, written to be missed by the patterns.
     */
    record Example(int line, String text, Intent intent, Map<String, String> slots, boolean paraphrase) {
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
        /** The lines written for the patterns (false) or the paraphrase block (true). */
        Report part(boolean paraphrases) {
            return new Report(outcomes.stream().filter(o -> o.example().paraphrase() == paraphrases).toList());
        }

        int total() {
            return outcomes.size();
        }

        double intentAccuracy() {
            return (double) outcomes.stream().filter(Outcome::intentRight).count() / total();
        }

        /** Among utterances that expect a command (not unknown): intent right and every slot exactly as labelled. */
        double slotExactMatch() {
            List<Outcome> commands = outcomes.stream().filter(o -> o.example().intent() != Intent.UNKNOWN).toList();
            return (double) commands.stream().filter(Outcome::slotsRight).count() / commands.size();
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

    static List<Example> examples() {
        String text;
        try (InputStream in = IntentEvaluation.class.getResourceAsStream("/eval/utterances.tsv")) {
            if (in == null) {
                throw new IllegalStateException("eval/utterances.tsv is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Example> examples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean paraphrases = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            paraphrases |= line.startsWith("# ---- paraphrases");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = lines[i].split("\t", -1);
            if (cols.length < 2 || cols.length > 3) {
                throw new IllegalStateException("utterances.tsv line " + (i + 1) + ": expected 2 or 3 columns: " + line);
            }
            Map<String, String> slots = new LinkedHashMap<>();
            if (cols.length == 3 && !cols[2].isBlank()) {
                for (String pair : cols[2].split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalStateException("utterances.tsv line " + (i + 1) + ": bad slot '" + pair + "'");
                    }
                    slots.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            examples.add(new Example(i + 1, cols[0], Intent.fromId(cols[1].trim()), slots, paraphrases));
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
        StringBuilder out = new StringBuilder();
        out.append(String.format("utterances:          %d (%d distractors)%n", r.total(), r.distractors()));
        out.append(String.format("intent accuracy:     %.1f%%%n", 100 * r.intentAccuracy()));
        out.append(String.format("slot exact match:    %.1f%% (of utterances that expect a command)%n", 100 * r.slotExactMatch()));
        out.append(String.format("changing distractors: %d%n", r.changingDistractors().size()));
        if (r.answeredBy(InterpretationSource.SEMANTIC) > 0) {
            out.append(String.format("answered by the paraphrase fallback: %d (%d of them the labelled intent)%n",
                    r.answeredBy(InterpretationSource.SEMANTIC), r.rightBy(InterpretationSource.SEMANTIC)));
        }
        out.append("confusions (expected -> read):").append(r.confusions().isEmpty() ? " none" : "").append('\n');
        r.confusions().forEach((k, v) -> out.append(String.format("  %-34s %d%n", k, v)));
        out.append("misses:").append(r.misses().isEmpty() ? " none" : "").append('\n');
        for (Outcome o : r.misses()) {
            out.append(String.format("  line %d: \"%s\"%n      expected %s %s%n      read     %s %s (%s)%n",
                    o.example().line(), o.example().text(), o.example().intent().id(), o.example().slots(),
                    o.intent().id(), o.slots(), o.source().id()));
        }
        return out.toString();
    }

    private static void compare(String label, Report patterns, Report chain) {
        System.out.println(label);
        System.out.printf("  %-42s %11.1f%% %11.1f%%%n", "intent accuracy", 100 * patterns.intentAccuracy(),
                100 * chain.intentAccuracy());
        System.out.printf("  %-42s %11.1f%% %11.1f%%%n", "slot exact match", 100 * patterns.slotExactMatch(),
                100 * chain.slotExactMatch());
        System.out.printf("  %-42s %12d %12d%n", "changing actions on distractors (" + chain.distractors() + ")",
                patterns.changingDistractors().size(), chain.changingDistractors().size());
    }

    /**
     * Prints the patterns alone, then the patterns with the paraphrase fallback, and how its threshold and margin
     * trade answers against distractors ({@code --sweep}).
     */
    public static void main(String[] args) {
        Report patterns = run(List.of());
        Report chain = run();
        System.out.println("== patterns only");
        System.out.print(format(patterns));
        System.out.println();
        System.out.printf("== patterns, then the paraphrase fallback (threshold %.2f, %.2f for changing intents, margin %.2f,"
                        + " %d catalogue phrases)%n", semantic().policy().threshold(), semantic().policy().changingThreshold(),
                semantic().policy().margin(), semantic().phraseCount());
        System.out.print(format(chain));
        System.out.println();
        System.out.printf("%-44s %12s %12s%n", "", "patterns", "+ fallback");
        compare("whole set (" + chain.total() + ")", patterns, chain);
        compare("pattern lines (" + chain.part(false).total() + ")", patterns.part(false), chain.part(false));
        compare("paraphrase block (" + chain.part(true).total() + ")", patterns.part(true), chain.part(true));
        if (List.of(args).contains("--explain")) {
            System.out.println();
            System.out.println("== what the paraphrase classifier saw in each utterance the patterns missed");
            for (int k = 0; k < patterns.outcomes().size(); k++) {
                Outcome o = patterns.outcomes().get(k);
                if (o.intent() == Intent.UNKNOWN) {
                    System.out.printf("  %-16s -> %-16s %s  \"%s\"%n", o.example().intent().id(),
                            chain.outcomes().get(k).intent().id(),
                            semantic().rank(o.example().text()).intents().subList(0, 3), o.example().text());
                }
            }
        }
        if (List.of(args).contains("--sweep")) {
            System.out.println();
            System.out.printf("%-10s %-9s %-8s %10s %10s %10s %10s%n", "threshold", "changing", "margin", "accuracy",
                    "slots", "answered", "changing");
            for (double[] limits : new double[][] {{0.60, 0.90}, {0.65, 0.90}, {0.70, 0.70}, {0.70, 0.80}, {0.70, 0.85},
                    {0.70, 0.90}, {0.75, 0.90}, {0.80, 0.95}}) {
                for (double margin : new double[] {0.0, 0.05, 0.10}) {
                    Report r = run(List.of(semantic().withPolicy(semantic().policy().withLimits(limits[0], limits[1], margin))));
                    System.out.printf("%-10.2f %-9.2f %-8.2f %9.1f%% %9.1f%% %10d %10d%n", limits[0], limits[1], margin,
                            100 * r.intentAccuracy(), 100 * r.slotExactMatch(),
                            r.answeredBy(InterpretationSource.SEMANTIC), r.changingDistractors().size());
                }
            }
        }
    }
}
