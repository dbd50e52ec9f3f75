package io.dictum.core.assistant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dictum.core.names.WordSimilarity;
import io.dictum.intents.SpokenOrdinals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads an answer to a question the assistant asked back, against the candidates offered. The phrases are data
 * ({@code follow-ups.yaml}); the reading is strict — every word must be a filler, a place in the list or a word of
 * one candidate's description — so that a new command is never mistaken for an answer.
 */
public final class FollowUps {

    /** The phrase lists of {@code follow-ups.yaml}. */
    record Phrases(List<String> cancel, Set<String> fillers, Set<String> numberWords, Set<String> first,
                   Set<String> last, Set<String> connectors) {
    }

    /** What an answer means. */
    public sealed interface Answer {
    }

    /** "Neither", "never mind": the question is dropped and nothing is done. */
    public record Cancel() implements Answer {
    }

    /** The candidate at this index (0-based) of the list asked about. */
    public record Chosen(int index) implements Answer {
    }

    /** The words fit several candidates equally ("the Johnson one"): these indexes, to be asked about again. */
    public record StillAmbiguous(List<Integer> indexes) implements Answer {
    }

    /** A place beyond the list ("the fifth one" of two). */
    public record OutOfRange(int place) implements Answer {
    }

    /** Not an answer to the question: a new command. */
    public record NotAnAnswer() implements Answer {
    }

    /** A description word may differ from a candidate's word by a recogniser slip, but only a small one. */
    private static final double ALIKE = 0.88;
    private static final int FUZZY_MIN_LENGTH = 4;

    private final Phrases phrases;

    FollowUps(Phrases phrases) {
        this.phrases = phrases;
    }

    public static FollowUps defaults() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = FollowUps.class.getResourceAsStream("follow-ups.yaml")) {
            return new FollowUps(yaml.readValue(in, Phrases.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled follow-ups.yaml cannot be read: " + e.getMessage(), e);
        }
    }

    public Answer read(String text, List<Choice> choices) {
        List<String> words = words(text);
        List<String> rest = words.stream().filter(w -> !phrases.fillers().contains(w)).toList();
        if (phrases.cancel().contains(String.join(" ", words)) || phrases.cancel().contains(String.join(" ", rest))) {
            return new Cancel();
        }
        if (rest.isEmpty() || choices.isEmpty()) {
            return new NotAnAnswer();
        }
        int n = choices.size();
        OptionalInt ordinal = SpokenOrdinals.ordinal(rest);
        if (ordinal.isPresent()) {
            return place(ordinal.getAsInt(), n);
        }
        if (rest.size() == 1 && phrases.last().contains(rest.get(0))) {
            return new Chosen(n - 1);
        }
        if (rest.size() == 1 && phrases.first().contains(rest.get(0))) {
            return new Chosen(0);
        }
        if (phrases.numberWords().contains(rest.get(0))) {
            // "number one": "one" is a filler elsewhere, but here it is the number
            int lead = words.indexOf(rest.get(0));
            List<String> tail = words.subList(lead + 1, words.size()).stream()
                    .filter(w -> w.equals("one") || !phrases.fillers().contains(w)).toList();
            OptionalInt number = SpokenOrdinals.cardinal(tail);
            if (number.isEmpty()) {
                number = SpokenOrdinals.ordinal(tail);
            }
            return number.isPresent() ? place(number.getAsInt(), n) : new NotAnAnswer();
        }
        OptionalInt cardinal = SpokenOrdinals.cardinal(rest);
        if (cardinal.isPresent() && cardinal.getAsInt() >= 1 && cardinal.getAsInt() <= n) {
            return new Chosen(cardinal.getAsInt() - 1);
        }
        // A larger number describes: "the 2024 one", "twenty twenty four".
        List<String> description = cardinal.isPresent() ? List.of(String.valueOf(cardinal.getAsInt()))
                : rest.stream().filter(w -> !phrases.connectors().contains(w)).toList();
        if (description.isEmpty()) {
            return new NotAnAnswer();
        }
        List<Integer> fitting = IntStream.range(0, n).filter(i -> describes(description, choices.get(i))).boxed()
                .toList();
        if (fitting.isEmpty()) {
            return new NotAnAnswer();
        }
        return fitting.size() == 1 ? new Chosen(fitting.get(0)) : new StillAmbiguous(fitting);
    }

    private static Answer place(int place, int n) {
        return place >= 1 && place <= n ? new Chosen(place - 1) : new OutOfRange(place);
    }

    /** Every described word is one of the candidate's words, or very like one. */
    private static boolean describes(List<String> description, Choice choice) {
        List<String> own = new ArrayList<>(words(choice.label()));
        own.addAll(words(choice.details()));
        return description.stream().allMatch(w -> own.stream().anyMatch(o -> o.equals(w)
                || (fuzzy(w) && fuzzy(o) && WordSimilarity.similarity(w, o) >= ALIKE)));
    }

    /** Long enough words of letters: numbers are said exactly ("2024" is not "2026"). */
    private static boolean fuzzy(String word) {
        return word.length() >= FUZZY_MIN_LENGTH && word.chars().allMatch(Character::isLetter);
    }

    /** Lower-case words without accents or punctuation; "it's" is "its". */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("'", "").replace("\u2019", "");
        return Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }
}
