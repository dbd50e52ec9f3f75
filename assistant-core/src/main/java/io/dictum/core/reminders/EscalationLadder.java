package io.dictum.core.reminders;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who is reminded of an open deadline as it comes closer, as data (escalation.yaml): each step applies from its
 * {@code daysBefore} down to the next step. A step whose recipients resolve to nobody (no responsible attorney, an
 * empty team) hands on to the next, so a reminder never goes nowhere while someone further up could have it.
 */
public record EscalationLadder(List<Step> steps) {

    public record Step(int daysBefore, List<Recipient> remind) {
    }

    public EscalationLadder {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("the escalation ladder needs at least one step");
        }
        for (Step s : steps) {
            if (s.daysBefore() < 0 || s.remind() == null || s.remind().isEmpty()) {
                throw new IllegalArgumentException("each escalation step needs daysBefore >= 0 and a non-empty"
                        + " remind list; got " + s);
            }
        }
        steps = steps.stream().sorted(Comparator.comparingInt(Step::daysBefore).reversed()).toList();
    }

    /** The steps to try for a reminder this many days before the due date: the one that applies, then the later. */
    public List<Step> stepsFor(int daysBefore) {
        int first = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).daysBefore() >= daysBefore) {
                first = i;
            }
        }
        return new ArrayList<>(steps.subList(first, steps.size()));
    }

    public static EscalationLadder builtIn() {
        try (InputStream in = EscalationLadder.class.getResourceAsStream("escalation.yaml")) {
            return read(in, "the built-in escalation.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EscalationLadder load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("The escalation ladder " + file + " cannot be read: " + e.getMessage()
                    + ". Fix DICTUM_REMINDER_ESCALATION or the file.", e);
        }
    }

    private static EscalationLadder read(InputStream in, String name) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return yaml.readValue(in, EscalationLadder.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The escalation ladder in " + name + " is not valid: " + e.getMessage(),
                    e);
        }
    }
}
