package io.dictum.intents.semantic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Writes out a catalogue pattern as a few plain phrases for the classifier to learn from: variant {@code i} takes
 * alternative {@code i} (modulo their number) of every group, leaving an optional group out on one turn, so every
 * alternative appears in some phrase without enumerating every combination. Slots are filled with typical values
 * ("{minutes}" → "thirty minutes"), so that the phrase reads like something a person says.
 */
final class PhraseExpander {

    private sealed interface Node permits Word, Group, Slot {
    }

    private record Word(String text) implements Node {
    }

    private record Group(List<List<Node>> alternatives, boolean optional) implements Node {
    }

    /** {@code {name}}, {@code {name: words}} (a value ending with the words) or {@code {name = words}} (the words). */
    private record Slot(String name, char mode, List<Node> words) implements Node {
    }

    private final String source;
    private int at;

    private PhraseExpander(String source) {
        this.source = source;
    }

    /**
     * Up to {@code max} distinct phrases of the pattern.
     *
     * @param fill the typical value of a slot, by slot name and the pattern's intent
     */
    static List<String> expand(String pattern, int max, BiFunction<String, Integer, String> fill) {
        PhraseExpander parser = new PhraseExpander(pattern);
        List<Node> nodes = parser.sequence();
        int variants = Math.max(1, Math.min(max, choices(nodes)));
        Set<String> phrases = new LinkedHashSet<>();
        for (int i = 0; i < variants; i++) {
            List<String> words = new ArrayList<>();
            render(nodes, i, fill, words);
            phrases.add(String.join(" ", words));
        }
        return List.copyOf(phrases);
    }

    private static int choices(List<Node> nodes) {
        int most = 1;
        for (Node node : nodes) {
            if (node instanceof Group g) {
                most = Math.max(most, g.alternatives().size() + (g.optional() ? 1 : 0));
                for (List<Node> alternative : g.alternatives()) {
                    most = Math.max(most, choices(alternative));
                }
            } else if (node instanceof Slot s) {
                most = Math.max(most, choices(s.words()));
            }
        }
        return most;
    }

    private static void render(List<Node> nodes, int variant, BiFunction<String, Integer, String> fill, List<String> out) {
        for (Node node : nodes) {
            if (node instanceof Word w) {
                out.add(w.text());
            } else if (node instanceof Group g) {
                int pick = variant % (g.alternatives().size() + (g.optional() ? 1 : 0));
                if (pick < g.alternatives().size()) {
                    render(g.alternatives().get(pick), variant, fill, out);
                }
            } else if (node instanceof Slot s) {
                if (s.mode() != '=') {
                    out.add(fill.apply(s.name(), variant));
                }
                render(s.words(), variant, fill, out);
            }
        }
    }

    // ---- parsing (the catalogue validated the syntax at load; this only needs its shape)

    private List<Node> sequence() {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (at >= source.length()) {
                return nodes;
            }
            char c = source.charAt(at);
            switch (c) {
                case '(', '[' -> {
                    at++;
                    nodes.add(group(c == '[' ? ']' : ')', c == '['));
                }
                case '{' -> {
                    at++;
                    nodes.add(slot());
                }
                case ')', ']', '}', '|' -> {
                    return nodes;
                }
                default -> nodes.add(new Word(word()));
            }
        }
    }

    private Group group(char close, boolean optional) {
        List<List<Node>> alternatives = new ArrayList<>();
        while (true) {
            alternatives.add(sequence());
            if (at >= source.length()) {
                throw new IllegalArgumentException("unclosed group in pattern: " + source);
            }
            char c = source.charAt(at++);
            if (c == close) {
                return new Group(alternatives, optional);
            }
            if (c != '|') {
                throw new IllegalArgumentException("unexpected '" + c + "' in pattern: " + source);
            }
        }
    }

    private Slot slot() {
        int start = at;
        while (at < source.length() && "}:=".indexOf(source.charAt(at)) < 0) {
            at++;
        }
        String name = source.substring(start, at).trim();
        char mode = at < source.length() ? source.charAt(at) : '}';
        List<Node> words = List.of();
        if (mode == ':' || mode == '=') {
            at++;
            words = sequence();
        }
        if (at >= source.length() || source.charAt(at) != '}') {
            throw new IllegalArgumentException("unclosed slot in pattern: " + source);
        }
        at++;
        return new Slot(name, mode == '}' ? ' ' : mode, words);
    }

    private String word() {
        int start = at;
        while (at < source.length() && !Character.isWhitespace(source.charAt(at))
                && "()[]{}|".indexOf(source.charAt(at)) < 0) {
            at++;
        }
        return source.substring(start, at);
    }

    private void skipSpaces() {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            at++;
        }
    }
}
