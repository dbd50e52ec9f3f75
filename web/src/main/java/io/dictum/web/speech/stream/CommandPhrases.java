package io.dictum.web.speech.stream;

import io.dictum.intents.Intent;
import io.dictum.intents.IntentCatalogue;
import io.dictum.speech.PhrasePieces;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The phrase list that biases command-mode recognition: the catalogue's patterns expanded into whole spoken
 * commands, with the firm's names put in for their slots ("pull up the kowalczyk matter"). Patterns with a slot
 * that cannot be listed (a note's text, a date) are left out: such commands fall through to open recognition.
 *
 * <p>Vosk's grammar lets phrases follow each other, so a pattern whose whole phrases would exceed the budget
 * (patterns are taken from the one with the fewest phrases up) is given as its literal pieces and the names
 * ("show me the upcoming deadlines for", "miller", "case"): still far narrower than a bag of words. Each of its
 * word sequences is kept as a {@link PhrasePieces} of those pieces, so that a reading saying one of its commands
 * counts as a listed command, just as it would had the budget allowed its whole phrases.
 */
final class CommandPhrases {

    /** Whole phrases up to this many; grammar set-up grows with the list (about 60 ms for 10,000 on 2 cores). */
    static final int MAX_PHRASES = 15_000;
    private static final String MARK = "\u0001";

    private CommandPhrases() {
    }

    /**
     * What the firm's commands may be heard as.
     *
     * @param phrases  the whole phrases and pieces the grammar lists; lower case, words separated by one space
     * @param patterns the patterns listed as pieces
     */
    record Listed(List<String> phrases, List<PhrasePieces> patterns) {
    }

    /**
     * The phrases for the catalogue and the names by slot name ({@code case}, {@code template}, {@code name}), plus
     * the stream's own control phrases.
     */
    static Listed build(IntentCatalogue catalogue, Map<String, List<String>> namesBySlot, List<String> control) {
        List<List<String>> first = new ArrayList<>();
        List<List<String>> others = new ArrayList<>();
        for (Intent intent : catalogue.intents()) {
            for (String pattern : catalogue.patterns(intent)) {
                try {
                    (catalogue.patterns(intent).get(0).equals(pattern)
                            ? first : others).add(new Parser(pattern, namesBySlot.keySet()).expand());
                } catch (IllegalArgumentException e) {
                    // a pattern this reader does not follow biases nothing; it is still understood as text
                }
            }
        }
        // each intent's first pattern (its usual wording: "open the miller case") first, then the others with the
        // fewest phrases first: as many patterns as possible are listed whole, and the few with many optional
        // words ("show me all the upcoming deadlines for ...") are the ones cut into pieces
        others.sort(java.util.Comparator.comparingLong(p -> count(p, namesBySlot)));
        List<List<String>> patterns = new ArrayList<>(first);
        patterns.addAll(others);
        // the catalogue's own examples, when the model can say them ("find the police report")
        for (Intent intent : catalogue.intents()) {
            for (String example : catalogue.examples(intent)) {
                String words = example.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z' ]", " ")
                        .replaceAll("\\s+", " ").strip();
                if (!words.isEmpty()) {
                    patterns.add(List.of(words));
                }
            }
        }
        Set<String> phrases = new LinkedHashSet<>(control);
        Set<PhrasePieces> inPieces = new LinkedHashSet<>();
        for (List<String> pattern : patterns) {
            if (phrases.size() + count(pattern, namesBySlot) <= MAX_PHRASES) {
                pattern.forEach(t -> fill(t, namesBySlot, phrases));
            } else {
                pattern.forEach(t -> pieces(t, namesBySlot, phrases).ifPresent(inPieces::add));
            }
        }
        return new Listed(List.copyOf(phrases), List.copyOf(inPieces));
    }

    /** How many whole phrases the pattern's word sequences give with the names put in. */
    private static long count(List<String> templates, Map<String, List<String>> namesBySlot) {
        long total = 0;
        for (String t : templates) {
            long n = 1;
            for (String word : t.split(" ")) {
                if (word.startsWith(MARK)) {
                    n *= Math.max(1, namesBySlot.get(word.substring(1)).size());
                }
            }
            total += n;
        }
        return total;
    }

    private static void fill(String template, Map<String, List<String>> names, Set<String> out) {
        int at = template.indexOf(MARK);
        if (at < 0) {
            out.add(template);
            return;
        }
        int end = template.indexOf(' ', at);
        String slot = template.substring(at + 1, end < 0 ? template.length() : end);
        for (String name : names.get(slot)) {
            fill(template.substring(0, at) + name + (end < 0 ? "" : template.substring(end)), names, out);
        }
    }

    /**
     * "open the {case} case" gives "open the", "case" and the names: bounded by the names, whatever the pattern.
     * Answers the word sequence as a pattern of those pieces, empty when a slot has no names to say.
     */
    private static Optional<PhrasePieces> pieces(String template, Map<String, List<String>> names, Set<String> out) {
        List<List<String>> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String word : (template + " " + MARK).split(" ")) {
            if (word.startsWith(MARK)) {
                if (run.length() > 0) {
                    String piece = run.toString().strip();
                    out.add(piece);
                    parts.add(List.of(piece));
                    run.setLength(0);
                }
                if (word.length() > 1) {
                    List<String> slot = names.get(word.substring(1));
                    out.addAll(slot);
                    parts.add(slot);
                }
            } else {
                run.append(word).append(' ');
            }
        }
        return parts.stream().anyMatch(List::isEmpty) ? Optional.empty() : Optional.of(new PhrasePieces(parts));
    }

    /**
     * Reads the catalogue's pattern language ({@code word}, {@code (a|b)}, {@code [a|b]}, {@code {slot}}) into
     * every word sequence it allows, slots as markers. A required slot without names makes the pattern yield
     * nothing; an optional one is left out.
     */
    private static final class Parser {
        private final String source;
        private final Set<String> listable;
        private int pos;

        Parser(String source, Set<String> listable) {
            this.source = source.toLowerCase(java.util.Locale.ROOT);
            this.listable = listable;
        }

        List<String> expand() {
            List<String> result = sequence();
            if (pos != source.length()) {
                throw new IllegalArgumentException("unexpected '" + source.charAt(pos) + "'");
            }
            return result.stream().map(s -> s.strip().replaceAll("\\s+", " ")).filter(s -> !s.isEmpty()).distinct()
                    .toList();
        }

        /** Items up to a '|', ')' or ']'; the cross product of their alternatives. */
        private List<String> sequence() {
            List<String> acc = new ArrayList<>(List.of(""));
            while (pos < source.length()) {
                char c = source.charAt(pos);
                if (c == '|' || c == ')' || c == ']') {
                    break;
                }
                List<String> item;
                if (Character.isWhitespace(c)) {
                    pos++;
                    continue;
                } else if (c == '(' || c == '[') {
                    pos++;
                    item = alternatives(c == '(' ? ')' : ']');
                    if (c == '[') {
                        item = new ArrayList<>(item);
                        item.add("");
                    }
                } else if (c == '{') {
                    int close = source.indexOf('}', pos);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed slot");
                    }
                    String slot = source.substring(pos + 1, close).strip();
                    pos = close + 1;
                    item = listable.contains(slot) ? List.of(MARK + slot) : List.of();
                } else {
                    int start = pos;
                    while (pos < source.length() && " ()[]{}|".indexOf(source.charAt(pos)) < 0) {
                        pos++;
                    }
                    String word = source.substring(start, pos).replaceAll("[^a-z']", "");
                    item = List.of(word);
                }
                List<String> next = new ArrayList<>();
                for (String a : acc) {
                    for (String b : item) {
                        next.add(a + " " + b);
                    }
                }
                acc = next;
                if (acc.isEmpty()) {
                    skipToEndOfSequence();
                    return acc;
                }
            }
            return acc;
        }

        private List<String> alternatives(char close) {
            List<String> all = new ArrayList<>(sequence());
            while (pos < source.length() && source.charAt(pos) == '|') {
                pos++;
                all.addAll(sequence());
            }
            if (pos >= source.length() || source.charAt(pos) != close) {
                throw new IllegalArgumentException("unclosed group");
            }
            pos++;
            return all;
        }

        /** After a slot that cannot be listed: consume the rest of this sequence, keeping brackets balanced. */
        private void skipToEndOfSequence() {
            int depth = 0;
            while (pos < source.length()) {
                char c = source.charAt(pos);
                if (depth == 0 && (c == '|' || c == ')' || c == ']')) {
                    return;
                }
                if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                }
                pos++;
            }
        }
    }
}
