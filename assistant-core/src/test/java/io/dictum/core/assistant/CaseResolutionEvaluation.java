package io.dictum.core.assistant;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.users.UserRepository;
import io.dictum.intents.Interpretation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The case-naming utterances of the intent evaluation set ({@code eval/utterances.tsv}: every line with a {@code case=}
 * slot) read by the real assistant — the firm's Lucene index over the demo firm, the real resolver and access rules —
 * for a partner with no conversation. It measures how often the case is resolved as labelled, and counts the wrong
 * cases chosen: an ambiguous reference must be asked back, never guessed. {@code CaseResolutionEvaluationTest}
 * asserts the targets; {@code scripts/eval-case-resolution} prints this report.
 */
final class CaseResolutionEvaluation {

    /** The set's reference time: a Wednesday morning at the firm. */
    static final OffsetDateTime REFERENCE = ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 0,
            ZoneId.of("America/New_York")).toOffsetDateTime();

    static final String ASK = "?";

    /**
     * A line of the set: the title expected, {@link #ASK} when it must be asked back, or null when it names no case (read
     * with {@code --all} only: a case chosen there is one nobody said).
     */
    record Example(String file, int line, String text, String expected) {
    }

    enum Verdict {
        /** The labelled case, or asked back where the label says it is ambiguous. */
        RIGHT,
        /** A case was chosen, and it is not the labelled one: the error that must never happen. */
        WRONG_CASE,
        /** Asked back or not found where one case was meant: safe, but a miss. */
        ASKED_BACK,
        /** No case slot at all: the words were read as another command. */
        NO_CASE
    }

    record Outcome(Example example, String read, Verdict verdict) {
    }

    record Report(List<Outcome> outcomes) {
        long count(Verdict v) {
            return outcomes.stream().filter(o -> o.verdict() == v).count();
        }

        double accuracy() {
            return (double) count(Verdict.RIGHT) / outcomes.size();
        }

        long wrongCases() {
            return count(Verdict.WRONG_CASE);
        }
    }

    private CaseResolutionEvaluation() {
    }

    static List<Example> examples() {
        return examples("utterances.tsv", false);
    }

    /** The lines of one file of the set that name a case, or, {@code all}, every line that asks for a command. */
    static List<Example> examples(String file, boolean all) {
        String text;
        try (InputStream in = CaseResolutionEvaluation.class.getResourceAsStream("/eval/" + file)) {
            if (in == null) {
                throw new IllegalStateException("eval/" + file + " is not on the test class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Example> examples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.startsWith("# ---- paraphrases")) {
                break; // the paraphrase block measures the intent fallback (scripts/eval-intents), not the resolver
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 3) {
                continue;
            }
            String expected = null;
            for (String pair : cols[2].split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals("case")) {
                    expected = pair.substring(eq + 1).trim();
                }
            }
            if (expected != null || (all && !cols[1].equals("unknown"))) {
                examples.add(new Example(file, i + 1, cols[0], expected));
            }
        }
        return examples;
    }

    static Report run(Assistant assistant, CaseService cases, Actor actor) {
        return run(assistant, cases, actor, examples());
    }

    static Report run(Assistant assistant, CaseService cases, Actor actor, List<Example> examples) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Example e : examples) {
            Interpretation reading = assistant.interpret(actor, new CommandRequest(e.text(),
                    Optional.empty(), Optional.of(REFERENCE))).block();
            String read;
            if (reading.slots().containsKey("case")) {
                read = cases.get(actor, CaseId.parse(reading.slots().get("case"))).block().title();
            } else if (reading.unresolved().containsKey("case")) {
                read = ASK;
            } else {
                read = null;
            }
            Verdict verdict = read == null ? (e.expected() == null ? Verdict.RIGHT : Verdict.NO_CASE)
                    : read.equals(e.expected()) ? Verdict.RIGHT
                    : read.equals(ASK) ? Verdict.ASKED_BACK
                    : Verdict.WRONG_CASE;
            outcomes.add(new Outcome(e, read, verdict));
        }
        return new Report(outcomes);
    }

    static Report run(ConfigurableApplicationContext context) {
        return run(context, examples());
    }

    static Report run(ConfigurableApplicationContext context, List<Example> examples) {
        Actor partner = context.getBean(UserRepository.class).findCredentials("ahale").blockOptional()
                .map(c -> new Actor(c.user().id(), c.user().username(), c.user().role(), c.user().contactId()))
                .orElseThrow(() -> new IllegalStateException("the demo firm has no partner ahale"));
        return run(context.getBean(Assistant.class), context.getBean(CaseService.class), partner, examples);
    }

    static String format(Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("utterances:             %d (resolved through Lucene over the demo firm)%n",
                r.outcomes().size()));
        out.append(String.format("case resolution:        %.1f%% as labelled%n", 100 * r.accuracy()));
        out.append(String.format("wrong cases chosen:     %d%n", r.wrongCases()));
        out.append(String.format("asked back instead:     %d%n", r.count(Verdict.ASKED_BACK)));
        out.append(String.format("read without a case:    %d%n", r.count(Verdict.NO_CASE)));
        Map<Verdict, List<Outcome>> misses = new TreeMap<>();
        r.outcomes().stream().filter(o -> o.verdict() != Verdict.RIGHT)
                .forEach(o -> misses.computeIfAbsent(o.verdict(), v -> new ArrayList<>()).add(o));
        out.append("misses:").append(misses.isEmpty() ? " none" : "").append('\n');
        misses.forEach((verdict, list) -> list.forEach(o -> out.append(String.format(
                "  %-10s %s:%d: \"%s\"%n             expected %s, read %s%n", verdict, o.example().file(),
                o.example().line(), o.example().text(), o.example().expected() == null ? "no case" : o.example().expected(),
                o.read()))));
        return out.toString();
    }

    /**
     * {@code --all}: every command line of the tuned files, a case chosen where none was said counted as wrong (never the
     * held-out block, which is not to be read).
     */
    public static void main(String[] args) {
        boolean all = List.of(args).contains("--all");
        List<Example> examples = all ? new ArrayList<>() : examples();
        if (all) {
            for (String file : List.of("utterances.tsv", "development.tsv")) {
                examples.addAll(examples(file, true));
            }
        }
        try (ConfigurableApplicationContext context = DemoFirmApplication.start()) {
            System.out.print(format(run(context, examples)));
        }
    }
}
