package io.dictum.intents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * A compiled phrase pattern. Syntax, over normalised words:
 * <pre>
 *   word        a literal word
 *   (a|b c)     exactly one of the alternatives (each a sequence, may nest)
 *   [a|b c]     at most one of the alternatives
 *   {slot}      one or more words captured into the slot
 * </pre>
 * The pattern becomes a small automaton once, at load time. Matching walks the tokens left to right keeping, for each
 * automaton state, only the path with the most literal words so far (a Viterbi pass), so an utterance is matched in
 * time proportional to tokens × states however many ways the slots could be cut, and the parse returned is the most
 * specific one.
 */
final class PhrasePattern {

    private static final Pattern SLOT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** A way the whole utterance matched: how many tokens were literal words and the token span of each slot. */
    record Parse(int literals, Map<String, Span> slots) {
    }

    /** Tokens {@code [start, end)}. */
    record Span(int start, int end) {
        int length() {
            return end - start;
        }
    }

    private enum Kind { WORD, ANY, SPLIT, OPEN, CLOSE, MATCH }

    private static final class State {
        final Kind kind;
        final String word;
        final int slot;
        int[] next;

        State(Kind kind, String word, int slot, int... next) {
            this.kind = kind;
            this.word = word;
            this.slot = slot;
            this.next = next;
        }

        boolean consumes() {
            return kind == Kind.WORD || kind == Kind.ANY;
        }
    }

    private final String source;
    private final List<String> slotNames;
    private final State[] states;
    private final int start;
    private final Set<String> requiredWords;

    private PhrasePattern(String source, List<String> slotNames, List<State> states, int start) {
        this.source = source;
        this.slotNames = List.copyOf(slotNames);
        this.states = states.toArray(State[]::new);
        this.start = start;
        this.requiredWords = computeRequiredWords();
    }

    /** Compiles a pattern, rejecting syntax errors and patterns that could match speech with no literal word in it. */
    static PhrasePattern compile(String source) throws PatternSyntaxError {
        List<Node> nodes = new Parser(source).parse();
        Builder builder = new Builder();
        int match = builder.add(new State(Kind.MATCH, null, -1));
        int start = builder.sequence(nodes, match);
        PhrasePattern pattern = new PhrasePattern(source, builder.slotNames, builder.states, start);
        pattern.checkShape();
        return pattern;
    }

    String source() {
        return source;
    }

    List<String> slotNames() {
        return slotNames;
    }

    /** Every literal word the pattern can match, for catalogue validation. */
    Set<String> literalWords() {
        Set<String> words = new LinkedHashSet<>();
        for (State s : states) {
            if (s.kind == Kind.WORD) {
                words.add(s.word);
            }
        }
        return words;
    }

    /** Whether some utterance can match without the slot being captured. */
    boolean isSlotOptional(String slot) {
        int index = slotNames.indexOf(slot);
        return index < 0 || reachesMatch(i -> states[i].kind == Kind.OPEN && states[i].slot == index);
    }

    /** The most specific parse of the whole token list, if the pattern matches it. */
    Optional<Parse> match(List<String> tokens) {
        if (!tokens.containsAll(requiredWords)) {
            return Optional.empty(); // cheap pre-filter: a word every path needs is missing
        }
        Step step = new Step(states.length);
        add(step, start, 0, emptyCaptures(), 0);
        for (int pos = 0; pos < tokens.size() && !step.order.isEmpty(); pos++) {
            String token = tokens.get(pos);
            Step next = new Step(states.length);
            for (int s : step.order) {
                State state = states[s];
                Thread thread = step.threads[s];
                if (state.kind == Kind.WORD && state.word.equals(token)) {
                    add(next, state.next[0], thread.literals + 1, thread.captures, pos + 1);
                } else if (state.kind == Kind.ANY) {
                    add(next, state.next[0], thread.literals, thread.captures, pos + 1);
                }
            }
            step = next;
        }
        for (int s : step.order) {
            if (states[s].kind == Kind.MATCH) {
                return Optional.of(toParse(step.threads[s]));
            }
        }
        return Optional.empty();
    }

    private record Thread(int literals, int[] captures) {
    }

    private static final class Step {
        final Thread[] threads;
        final List<Integer> order = new ArrayList<>();

        Step(int size) {
            threads = new Thread[size];
        }
    }

    /** Adds a path, keeping per state only the one with most literals; on a tie the earlier one (pattern order). */
    private void add(Step step, int s, int literals, int[] captures, int pos) {
        Thread existing = step.threads[s];
        if (existing != null && existing.literals >= literals) {
            return;
        }
        if (existing == null) {
            step.order.add(s);
        }
        State state = states[s];
        int[] caps = captures;
        if (state.kind == Kind.OPEN || state.kind == Kind.CLOSE) {
            caps = captures.clone();
            caps[2 * state.slot + (state.kind == Kind.OPEN ? 0 : 1)] = pos;
        }
        step.threads[s] = new Thread(literals, caps);
        if (!state.consumes() && state.kind != Kind.MATCH) {
            for (int n : state.next) {
                add(step, n, literals, caps, pos);
            }
        }
    }

    private int[] emptyCaptures() {
        int[] caps = new int[slotNames.size() * 2];
        Arrays.fill(caps, -1);
        return caps;
    }

    private Parse toParse(Thread thread) {
        Map<String, Span> slots = new LinkedHashMap<>();
        for (int i = 0; i < slotNames.size(); i++) {
            int from = thread.captures[2 * i];
            int to = thread.captures[2 * i + 1];
            if (from >= 0 && to > from) {
                slots.put(slotNames.get(i), new Span(from, to));
            }
        }
        return new Parse(thread.literals, Collections.unmodifiableMap(slots));
    }

    // ---- shape checks, run once at compile time

    private void checkShape() throws PatternSyntaxError {
        // a pattern that can match with only slot words would accept any sentence: a guess dressed as a command
        if (reachesMatch(i -> states[i].kind == Kind.WORD)) {
            throw new PatternSyntaxError("it can match without any literal word; add a required word outside [...]");
        }
        // two slots with nothing between them could be cut anywhere: "{document} {case}" has no meaning
        for (State s : states) {
            if (s.kind == Kind.CLOSE) {
                for (int reached : epsilonClosure(s.next)) {
                    if (states[reached].kind == Kind.OPEN) {
                        throw new PatternSyntaxError("slots {" + slotNames.get(s.slot) + "} and {"
                                + slotNames.get(states[reached].slot) + "} can meet with no required word between them");
                    }
                }
            }
        }
    }

    /** Whether MATCH is reachable from the start through states not excluded. */
    private boolean reachesMatch(IntPredicate excluded) {
        boolean[] seen = new boolean[states.length];
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            int s = todo.pop();
            if (seen[s] || excluded.test(s)) {
                continue;
            }
            seen[s] = true;
            if (states[s].kind == Kind.MATCH) {
                return true;
            }
            for (int n : states[s].next) {
                todo.push(n);
            }
        }
        return false;
    }

    private Set<Integer> epsilonClosure(int[] from) {
        Set<Integer> seen = new LinkedHashSet<>();
        Deque<Integer> todo = new ArrayDeque<>();
        for (int f : from) {
            todo.push(f);
        }
        while (!todo.isEmpty()) {
            int s = todo.pop();
            if (!seen.add(s) || states[s].consumes()) {
                continue;
            }
            for (int n : states[s].next) {
                todo.push(n);
            }
        }
        return seen;
    }

    private Set<String> computeRequiredWords() {
        Set<String> required = new LinkedHashSet<>();
        for (String word : literalWords()) {
            if (!reachesMatch(i -> states[i].kind == Kind.WORD && states[i].word.equals(word))) {
                required.add(word);
            }
        }
        return Set.copyOf(required);
    }

    // ---- syntax tree and parser

    private sealed interface Node permits Word, Slot, Group {
    }

    private record Word(String text) implements Node {
    }

    private record Slot(String name) implements Node {
    }

    private record Group(List<List<Node>> alternatives, boolean optional) implements Node {
    }

    private static final class Parser {
        private final String src;
        private int pos;
        private final Set<String> slots = new LinkedHashSet<>();

        Parser(String src) {
            this.src = src;
        }

        List<Node> parse() throws PatternSyntaxError {
            List<Node> nodes = sequence(0);
            if (nodes.isEmpty()) {
                throw new PatternSyntaxError("the pattern is empty");
            }
            return nodes;
        }

        private List<Node> sequence(int depth) throws PatternSyntaxError {
            List<Node> nodes = new ArrayList<>();
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '(' || c == '[') {
                    nodes.add(group(depth));
                } else if (c == '{') {
                    nodes.add(slot());
                } else if (c == ')' || c == ']' || c == '|') {
                    if (depth == 0) {
                        throw new PatternSyntaxError("unexpected '" + c + "' at column " + (pos + 1)
                                + (c == '|' ? "; put alternatives inside (...) or [...]" : ""));
                    }
                    return nodes;
                } else if (c == '}') {
                    throw new PatternSyntaxError("unexpected '}' at column " + (pos + 1));
                } else {
                    int from = pos;
                    while (pos < src.length() && !Character.isWhitespace(src.charAt(pos)) && "()[]{}|".indexOf(src.charAt(pos)) < 0) {
                        pos++;
                    }
                    String raw = src.substring(from, pos);
                    List<String> words = SpeechNormaliser.words(raw);
                    if (words.isEmpty()) {
                        throw new PatternSyntaxError("'" + raw + "' at column " + (from + 1) + " has no letter or digit");
                    }
                    words.forEach(w -> nodes.add(new Word(w)));
                }
            }
            return nodes;
        }

        private Group group(int depth) throws PatternSyntaxError {
            int column = pos + 1;
            char open = src.charAt(pos++);
            char close = open == '(' ? ')' : ']';
            List<List<Node>> alternatives = new ArrayList<>();
            while (true) {
                int altColumn = pos + 1;
                List<Node> alternative = sequence(depth + 1);
                if (alternative.isEmpty()) {
                    throw new PatternSyntaxError("empty alternative in '" + open + "' at column " + column
                            + (open == '(' ? "; write an optional part as [...]" : "") + " (near column " + altColumn + ")");
                }
                alternatives.add(alternative);
                if (pos >= src.length()) {
                    throw new PatternSyntaxError("'" + open + "' at column " + column + " is never closed");
                }
                char c = src.charAt(pos);
                pos++;
                if (c == '|') {
                    continue;
                }
                if (c != close) {
                    throw new PatternSyntaxError("'" + open + "' at column " + column + " is closed by '" + c
                            + "' at column " + pos);
                }
                return new Group(alternatives, open == '[');
            }
        }

        private Slot slot() throws PatternSyntaxError {
            int column = pos + 1;
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new PatternSyntaxError("'{' at column " + column + " is never closed");
            }
            String name = src.substring(pos + 1, end).trim();
            if (!SLOT_NAME.matcher(name).matches()) {
                throw new PatternSyntaxError("'{" + name + "}' at column " + column + " is not a slot name (letters, digits, _)");
            }
            if (!slots.add(name)) {
                throw new PatternSyntaxError("slot {" + name + "} appears twice");
            }
            pos = end + 1;
            return new Slot(name);
        }
    }

    /** Builds the automaton back to front: each node is compiled knowing the state that follows it. */
    private static final class Builder {
        final List<State> states = new ArrayList<>();
        final List<String> slotNames = new ArrayList<>();

        int add(State state) {
            states.add(state);
            return states.size() - 1;
        }

        int sequence(List<Node> nodes, int next) {
            int entry = next;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                entry = node(nodes.get(i), entry);
            }
            return entry;
        }

        private int node(Node node, int next) {
            if (node instanceof Word w) {
                return add(new State(Kind.WORD, w.text(), -1, next));
            }
            if (node instanceof Slot s) {
                int slot = slotNames.size();
                slotNames.add(s.name());
                int close = add(new State(Kind.CLOSE, null, slot, next));
                State any = new State(Kind.ANY, null, slot);
                int anyIndex = add(any);
                // after each captured word: stop here (tried first, so slots stay short on a tie) or take another
                int loop = add(new State(Kind.SPLIT, null, -1, close, anyIndex));
                any.next = new int[] {loop};
                return add(new State(Kind.OPEN, null, slot, anyIndex));
            }
            Group g = (Group) node;
            List<Integer> entries = new ArrayList<>();
            for (List<Node> alternative : g.alternatives()) {
                entries.add(sequence(alternative, next));
            }
            if (g.optional()) {
                entries.add(next);
            }
            return add(new State(Kind.SPLIT, null, -1, entries.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
