package io.dictum.intents;

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

    /** Intents whose execution changes the firm's data. */
    static final Set<Intent> CHANGING = EnumSet.of(Intent.CREATE_CASE, Intent.ADD_EVENT, Intent.CREATE_TASK,
            Intent.START_TIMER, Intent.STOP_TIMER, Intent.PAUSE_TIMER, Intent.RESUME_TIMER, Intent.LOG_TIME, Intent.DICTATE_NOTE, Intent.ADD_PARTY,
            Intent.SHARE_DOCUMENT, Intent.DRAFT_DOCUMENT);

    /** One labelled line; {@code slots} holds case titles for case slots and "?" for a slot expected unresolved. */
    record Example(int line, String text, Intent intent, Map<String, String> slots) {
    }

    /** The outcome of one example. */
    record Outcome(Example example, Intent intent, Map<String, String> slots) {
        boolean intentRight() {
            return intent == example.intent();
        }

        boolean slotsRight() {
            return intentRight() && slots.equals(example.slots());
        }
    }

    record Report(List<Outcome> outcomes) {
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
            return outcomes.stream().filter(o -> o.example().intent() == Intent.UNKNOWN && CHANGING.contains(o.intent()))
                    .toList();
        }

        List<Outcome> misses() {
            return outcomes.stream().filter(o -> !o.slotsRight() && !(o.intentRight() && o.intent() == Intent.UNKNOWN))
                    .toList();
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
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
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
            examples.add(new Example(i + 1, cols[0], Intent.fromId(cols[1].trim()), slots));
        }
        return examples;
    }

    static Report run() {
        DemoCaseResolver resolver = new DemoCaseResolver();
        IntentRouter router = new IntentRouter(IntentCatalogue.defaults(), resolver);
        List<Outcome> outcomes = new ArrayList<>();
        for (Example e : examples()) {
            Interpretation i = router.interpret(new Utterance(e.text(), Optional.empty(), REFERENCE));
            Map<String, String> slots = new LinkedHashMap<>();
            i.slots().forEach((name, value) -> slots.put(name,
                    resolver.title(value) != null && name.equals("case") ? resolver.title(value) : value));
            i.unresolved().keySet().forEach(name -> slots.put(name, "?"));
            outcomes.add(new Outcome(e, i.intent(), slots));
        }
        return new Report(outcomes);
    }

    static String format(Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("utterances:          %d (%d distractors)%n", r.total(), r.distractors()));
        out.append(String.format("intent accuracy:     %.1f%%%n", 100 * r.intentAccuracy()));
        out.append(String.format("slot exact match:    %.1f%% (of utterances that expect a command)%n", 100 * r.slotExactMatch()));
        out.append(String.format("changing distractors: %d%n", r.changingDistractors().size()));
        out.append("confusions (expected -> read):").append(r.confusions().isEmpty() ? " none" : "").append('\n');
        r.confusions().forEach((k, v) -> out.append(String.format("  %-34s %d%n", k, v)));
        out.append("misses:").append(r.misses().isEmpty() ? " none" : "").append('\n');
        for (Outcome o : r.misses()) {
            out.append(String.format("  line %d: \"%s\"%n      expected %s %s%n      read     %s %s%n", o.example().line(),
                    o.example().text(), o.example().intent().id(), o.example().slots(), o.intent().id(), o.slots()));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(format(run()));
    }
}
