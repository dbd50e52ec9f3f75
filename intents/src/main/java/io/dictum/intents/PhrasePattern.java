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
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A compiled phrase pattern. Syntax, over normalised words:
 * <pre>
 *   word        a literal word
 *   (a|b c)     exactly one of the alternatives (each a sequence, may nest)
 *   [a|b c]     at most one of the alternatives
 *   {slot}      one or more words captured into the slot
 *   {slot: seq} one or more words followed by the sequence, all captured ("{event: was (served|filed)}")
 *   {slot = seq} exactly the sequence, captured ("{event = was served}")
 * </pre>
 * A free-text slot may appear more than once; its pieces are joined ("[the] {event} in {case} {event: was served}").
 * The pattern becomes a small automaton once, at load time. Matching walks the tokens left to right keeping, for each
 * automaton state, only the path with the most literal words so far (a Viterbi pass), so an utterance is matched in
 * time proportional to tokens × states however many ways the slots could be cut, and the parse returned is the most
 * specific one.
 *
 * <p>A slot may be <em>checked</em> ({@link SpanCheck}): its words must form a value of its type (a date, a duration,
 * a role), and the words of a value that does count as literal words, because a grammar of dates is as telling as
 * fixed words. Paths through a checked slot are kept apart by where the slot began, so a wrong cut cannot hide the right
 * one, and a checked slot may sit next to another slot ("remind Sarah to {description} {due}"): the check decides the
 * cut.
 */
final class PhrasePattern {

    private static final Pattern SLOT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * A way the whole utterance matched: how many tokens were literal words, the token span of each slot, and, for a
     * slot captured in several pieces ("the {event} in {case} {event: was served}"), every piece in order.
     */
    record Parse(int literals, Map<String, Span> slots, Map<String, List<Span>> pieces) {
    }

    /** Decides whether a span of tokens can fill a slot, and what it is worth. */
    interface SpanCheck {
        /** A check that accepts every span at no extra worth: the plain pattern language. */
        SpanCheck NONE = new SpanCheck() {
            @Override
            public boolean checks(String slot) {
                return false;
            }

            @Override
            public int weigh(String slot, int start, int end) {
                return 0;
            }
        };

        /** The most words a value of the slot can have; longer paths are dropped while matching. */
        default int maxWords(String slot) {
            return Integer.MAX_VALUE;
        }

        /** Whether the slot's words are checked at all; unchecked slots take any words. */
        boolean checks(String slot);

        /** -1 when tokens {@code [start, end)} cannot fill the slot, otherwise the literal words they count as. */
        int weigh(String slot, int start, int end);
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
    /** Whether a document slot of this pattern takes only a kind of the vocabulary (catalogue vocabularyPatterns). */
    private final boolean vocabularyOnly;

    private PhrasePattern(String source, List<String> slotNames, List<State> states, int start) {
        this.source = source;
        this.slotNames = List.copyOf(slotNames);
        this.states = states.toArray(State[]::new);
        this.start = start;
        this.requiredWords = computeRequiredWords();
        this.vocabularyOnly = false;
    }

    private PhrasePattern(PhrasePattern other, boolean vocabularyOnly) {
        this.source = other.source;
        this.slotNames = other.slotNames;
        this.states = other.states;
        this.start = other.start;
        this.requiredWords = other.requiredWords;
        this.vocabularyOnly = vocabularyOnly;
    }

    /** The same pattern, its document slots restricted to the vocabulary's kinds. */
    PhrasePattern vocabularyOnly() {
        return new PhrasePattern(this, true);
    }

    boolean isVocabularyOnly() {
        return vocabularyOnly;
    }

    /** Compiles a pattern, rejecting syntax errors and patterns that could match speech with no literal word in it. */
    static PhrasePattern compile(String source) throws PatternSyntaxError {
        return compile(source, slot -> false, slot -> false);
    }

    /**
     * Compiles a pattern in which the slots named by {@code checked} take only words that form a value of their type;
     * such a slot may meet another slot with no word between them, because the check decides where one ends. A slot
     * named by {@code pieces} may appear more than once; its pieces are joined in order.
     */
    static PhrasePattern compile(String source, Predicate<String> checked, Predicate<String> pieces)
            throws PatternSyntaxError {
        List<Node> nodes = new Parser(source, pieces).parse();
        Builder builder = new Builder();
        int match = builder.add(new State(Kind.MATCH, null, -1));
        int start = builder.sequence(nodes, match);
        PhrasePattern pattern = new PhrasePattern(source, builder.slotNames, builder.states, start);
        pattern.checkShape(checked);
        return pattern;
    }

    String source() {
        return source;
    }

    /** The slots the pattern captures, each once, in order of first appearance. */
    List<String> slotNames() {
        return slotNames.stream().distinct().toList();
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
        return !slotNames.contains(slot)
                || reachesMatch(i -> states[i].kind == Kind.OPEN && slotNames.get(states[i].slot).equals(slot));
    }

    /** The most specific parse of the whole token list, if the pattern matches it. */
    Optional<Parse> match(List<String> tokens) {
        return match(tokens, SpanCheck.NONE);
    }

    /** The most specific parse of the whole token list whose checked slots all hold acceptable words. */
    Optional<Parse> match(List<String> tokens, SpanCheck check) {
        if (!tokens.containsAll(requiredWords)) {
            return Optional.empty(); // cheap pre-filter: a word every path needs is missing
        }
        boolean[] checked = new boolean[slotNames.size()];
        int[] maxWords = new int[slotNames.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = check != SpanCheck.NONE && check.checks(slotNames.get(i));
            maxWords[i] = checked[i] ? check.maxWords(slotNames.get(i)) : Integer.MAX_VALUE;
        }
        Matching m = new Matching(tokens.size(), check, checked, maxWords);
        Step step = new Step();
        m.add(step, start, 0, emptyCaptures(), 0);
        for (int pos = 0; pos < tokens.size() && !step.order.isEmpty(); pos++) {
            String token = tokens.get(pos);
            Step next = new Step();
            for (int key : step.order) {
                int s = key / m.stride;
                State state = states[s];
                Thread thread = step.threads.get(key);
                if (state.kind == Kind.WORD && state.word.equals(token)) {
                    m.add(next, state.next[0], thread.literals + 1, thread.captures, pos + 1);
                } else if (state.kind == Kind.ANY) {
                    m.add(next, state.next[0], thread.literals, thread.captures, pos + 1);
                }
            }
            step = next;
        }
        for (int key : step.order) {
            if (states[key / m.stride].kind == Kind.MATCH) {
                return Optional.of(toParse(step.threads.get(key)));
            }
        }
        return Optional.empty();
    }

    private record Thread(int literals, int[] captures) {
    }

    /** The live paths after some tokens: per key (a state, and for a checked slot's inner states where it began). */
    private static final class Step {
        final Map<Integer, Thread> threads = new java.util.HashMap<>();
        final List<Integer> order = new ArrayList<>();
    }

    private final class Matching {
        final int stride;
        final SpanCheck check;
        final boolean[] checked;
        final int[] maxWords;

        Matching(int tokens, SpanCheck check, boolean[] checked, int[] maxWords) {
            this.stride = tokens + 2;
            this.check = check;
            this.checked = checked;
            this.maxWords = maxWords;
        }

        /** Adds a path, keeping per key only the one with most literals; on a tie the earlier one (pattern order). */
        void add(Step step, int s, int literals, int[] captures, int pos) {
            State state = states[s];
            int[] caps = captures;
            if (state.kind == Kind.CLOSE && checked[state.slot]) {
                int worth = check.weigh(slotNames.get(state.slot), captures[2 * state.slot], pos);
                if (worth < 0) {
                    return; // these words are no value of the slot's type: this cut is not a reading
                }
                literals += worth;
            }
            boolean inner = state.slot >= 0 && checked[state.slot] && (state.kind == Kind.ANY || state.kind == Kind.SPLIT);
            if (inner && pos - captures[2 * state.slot] > maxWords[state.slot]) {
                return; // longer than any value of the slot's type
            }
            int key = s * stride + (inner ? captures[2 * state.slot] + 1 : 0);
            Thread existing = step.threads.get(key);
            if (existing != null && existing.literals >= literals) {
                return;
            }
            if (existing == null) {
                step.order.add(key);
            }
            if (state.kind == Kind.OPEN || state.kind == Kind.CLOSE) {
                caps = captures.clone();
                caps[2 * state.slot + (state.kind == Kind.OPEN ? 0 : 1)] = pos;
            }
            step.threads.put(key, new Thread(literals, caps));
            if (!state.consumes() && state.kind != Kind.MATCH) {
                for (int n : state.next) {
                    add(step, n, literals, caps, pos);
                }
            }
        }
    }

    private int[] emptyCaptures() {
        int[] caps = new int[slotNames.size() * 2];
        Arrays.fill(caps, -1);
        return caps;
    }

    private Parse toParse(Thread thread) {
        Map<String, List<Span>> pieces = new LinkedHashMap<>();
        for (int i = 0; i < slotNames.size(); i++) {
            int from = thread.captures[2 * i];
            int to = thread.captures[2 * i + 1];
            if (from >= 0 && to > from) {
                pieces.computeIfAbsent(slotNames.get(i), k -> new ArrayList<>()).add(new Span(from, to));
            }
        }
        Map<String, Span> slots = new LinkedHashMap<>();
        pieces.forEach((name, spans) -> {
            spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
            slots.put(name, spans.get(0));
        });
        pieces.replaceAll((name, spans) -> List.copyOf(spans));
        return new Parse(thread.literals, Collections.unmodifiableMap(slots), Collections.unmodifiableMap(pieces));
    }

    // ---- shape checks, run once at compile time

    private void checkShape(Predicate<String> checked) throws PatternSyntaxError {
        // a pattern that can match with only slot words would accept any sentence: a guess dressed as a command
        if (reachesMatch(i -> states[i].kind == Kind.WORD)) {
            throw new PatternSyntaxError("it can match without any literal word; add a required word outside [...]");
        }
        // two slots with nothing between them could be cut anywhere: "{document} {case}" has no meaning, unless one of
        // them is checked, so that only the words of a date (say) can end or begin it
        for (State s : states) {
            if (s.kind == Kind.ANY) {
                for (int reached : epsilonClosure(s.next)) {
                    State r = states[reached];
                    if (r.kind == Kind.ANY && r.slot != s.slot && !checked.test(slotNames.get(s.slot))
                            && !checked.test(slotNames.get(r.slot))) {
                        throw new PatternSyntaxError("slots {" + slotNames.get(s.slot) + "} and {"
                                + slotNames.get(r.slot) + "} can meet with no required word between them");
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

    /**
     * A slot; {@code tail}, when not empty, is a sequence the captured words must end with and that stays in them;
     * {@code fixed} slots capture the tail and nothing else.
     */
    private record Slot(String name, List<Node> tail, boolean fixed) implements Node {
    }

    private record Group(List<List<Node>> alternatives, boolean optional) implements Node {
    }

    private static final class Parser {
        private final String src;
        private final Predicate<String> pieces;
        private int pos;
        private final Set<String> slots = new LinkedHashSet<>();

        Parser(String src, Predicate<String> pieces) {
            this.src = src;
            this.pieces = pieces;
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
                    // "&" is a word as typed, but no pattern's: it is read as "and"
                    if (words.stream().noneMatch(w -> w.chars().anyMatch(Character::isLetterOrDigit))) {
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
            String inner = src.substring(pos + 1, end);
            int colon = inner.indexOf(':');
            int equals = inner.indexOf('=');
            boolean fixed = equals >= 0 && (colon < 0 || equals < colon);
            if (fixed) {
                colon = equals;
            }
            String name = (colon < 0 ? inner : inner.substring(0, colon)).trim();
            if (!SLOT_NAME.matcher(name).matches()) {
                throw new PatternSyntaxError("'{" + name + "}' at column " + column + " is not a slot name (letters, digits, _)");
            }
            if (!slots.add(name) && !pieces.test(name)) {
                throw new PatternSyntaxError("slot {" + name + "} appears twice");
            }
            List<Node> tail = List.of();
            if (colon >= 0) {
                String tailSource = inner.substring(colon + 1);
                if (tailSource.indexOf('{') >= 0) {
                    throw new PatternSyntaxError("slot {" + name + "} at column " + column + " has a slot inside it");
                }
                try {
                    tail = new Parser(tailSource, pieces).parse();
                } catch (PatternSyntaxError e) {
                    throw new PatternSyntaxError("in the tail of slot {" + name + "} at column " + column + ": " + e.getMessage());
                }
            }
            pos = end + 1;
            return new Slot(name, tail, fixed);
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
                int tail = sequence(s.tail(), close); // "{event: was served}": the words end with the tail, inside
                if (s.fixed()) { // "{event = was served}": exactly these words, captured
                    return add(new State(Kind.OPEN, null, slot, tail));
                }
                State any = new State(Kind.ANY, null, slot);
                int anyIndex = add(any);
                // after each captured word: stop here (tried first, so slots stay short on a tie) or take another
                int loop = add(new State(Kind.SPLIT, null, slot, tail, anyIndex));
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
