package io.dictum.intents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the checked slot types over the tokens of one utterance, remembering each answer: the same span is asked
 * about by many patterns.
 */
final class SlotReader {

    /** The catalogue data the readers need: the role and matter-type vocabularies and the words that are no names. */
    record Vocabularies(DocumentVocabulary documents, PhraseVocabulary roles, PhraseVocabulary matterTypes,
                        Set<String> matterNouns, Set<String> notNames, int maxNameWords, Set<String> capitals,
                        Map<String, String> eventWords) {
    }

    private final List<Token> tokens;
    private final List<String> words;
    private final LocalDate today;
    private final Vocabularies vocabularies;
    private final Map<Integer, Optional<SlotValue>> cache = new HashMap<>();

    SlotReader(List<Token> tokens, LocalDate today, Vocabularies vocabularies) {
        this.tokens = tokens;
        this.words = tokens.stream().map(Token::text).toList();
        this.today = today;
        this.vocabularies = vocabularies;
    }

    /** The value of tokens {@code [start, end)} as the type, empty when they are none. */
    Optional<SlotValue> read(SlotType type, int start, int end) {
        int n = tokens.size() + 1;
        int key = (type.ordinal() * n + start) * n + end;
        Optional<SlotValue> known = cache.get(key);
        if (known == null) {
            known = compute(type, start, end);
            cache.put(key, known);
        }
        return known;
    }

    /** The most words a value of the type can have ("the day after tomorrow at..." never needs more). */
    int maxWords(SlotType type) {
        return switch (type) {
            case DATE, PERIOD, DURATION, NUMBER -> 8;
            case TIME -> 5;
            case ROLE, MATTER_TYPE -> 6;
            case PERSON -> vocabularies.maxNameWords() + 1;
            case CASE, DOCUMENT, TEXT, EVENT -> Integer.MAX_VALUE;
        };
    }

    /** The value of words gathered from several pieces of the utterance: free-text types only. */
    Optional<SlotValue> readWords(SlotType type, List<Token> pieces) {
        List<String> w = pieces.stream().map(Token::text).toList();
        return switch (type) {
            case EVENT -> event(w, vocabularies.eventWords()).filter(v -> !v.value().isEmpty());
            case TEXT -> Optional.of(SlotValue.loose(Token.said(pieces)));
            default -> throw new IllegalArgumentException(type.id() + " slots are not captured in pieces");
        };
    }

    private Optional<SlotValue> compute(SlotType type, int start, int end) {
        List<String> w = words.subList(start, end);
        return switch (type) {
            case DATE -> SpokenDates.date(w, today);
            case TIME -> SpokenDates.time(w);
            case PERIOD -> SpokenDates.period(w, today);
            case DURATION -> SpokenDurations.minutes(w);
            case NUMBER -> {
                var n = SpokenNumbers.cardinal(w);
                yield n.isPresent() ? Optional.of(SlotValue.of(Integer.toString(n.getAsInt()))) : Optional.empty();
            }
            case ROLE -> vocabularies.roles().lookup(w).map(SlotValue::of);
            case MATTER_TYPE -> vocabularies.matterTypes().lookup(w).map(SlotValue::of);
            case PERSON -> person(start, end);
            case EVENT -> event(w, vocabularies.eventWords());
            case DOCUMENT -> vocabularies.documents().normalise(w)
                    .map(d -> d.known() ? SlotValue.of(d.value()) : SlotValue.loose(d.value()));
            case CASE, TEXT -> Optional.of(SlotValue.loose(String.join(" ", w)));
        };
    }

    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "our", "their", "its");
    private static final Set<String> AUXILIARIES = Set.of("was", "were", "is", "are", "has", "have", "had", "been",
            "be", "got", "gets", "get", "will", "being");

    private static final Set<String> PRONOUNS = Set.of("i", "we", "you", "he", "she", "they", "it", "that", "this",
            "me", "us", "him", "her", "them", "ive", "weve", "im", "its", "thats", "there", "everything", "something");

    /**
     * What other intents add or where: "add a note to Miller ... until Monday" is a note, never an event called "note";
     * "set up a matter for Kenji Watanabe ..." opens a matter; "add to my notes ..." writes a note.
     */
    private static final Set<String> NOT_EVENTS = Set.of("note", "notes", "task", "tasks", "reminder", "todo", "timer",
            "memo", "matter", "matters", "case", "file", "to", "up", "my", "our");

    /** Said before what is docketed, never its name: "add an event expert disclosures due ...". */
    private static final String EVENT_NOUN = "event";
    /** Never the last word of an event: "docket a response deadline of Friday" is the response deadline. */
    private static final Set<String> TRAILING_JOINS = Set.of("of", "for", "on", "in", "at", "by", "to", "with", "the",
            "a", "an", "and");

    /**
     * Lower case, leading articles, a leading "event" and auxiliaries dropped, short words written out
     * (vocabularies.eventWords: "depo" → deposition), no joining word left at the end; no value when the words begin
     * with a pronoun or with what another intent adds (a note, a task, a reminder). Words that are only auxiliaries
     * ("was served" said as a piece of a longer event) give an empty value.
     */
    private static Optional<SlotValue> event(List<String> w, Map<String, String> eventWords) {
        if (!w.isEmpty() && PRONOUNS.contains(w.get(0))) {
            return Optional.empty();
        }
        int from = 0;
        while (from < w.size() && ARTICLES.contains(w.get(from))) {
            from++;
        }
        if (from < w.size() - 1 && w.get(from).equals(EVENT_NOUN)) {
            from++;
        }
        if (from < w.size() && NOT_EVENTS.contains(w.get(from))) {
            return Optional.empty();
        }
        int to = w.size();
        while (to > from + 1 && TRAILING_JOINS.contains(w.get(to - 1))) {
            to--;
        }
        List<String> kept = w.subList(from, to).stream().filter(x -> !AUXILIARIES.contains(x))
                .map(x -> eventWords.getOrDefault(x, x)).toList();
        // "served with discovery" is what was served: "discovery served", like "the complaint was served"
        if (kept.size() > 2 && kept.get(0).equals("served") && kept.get(1).equals("with")) {
            List<String> served = new ArrayList<>(kept.subList(2, kept.size()));
            while (!served.isEmpty() && ARTICLES.contains(served.get(0))) {
                served.remove(0);
            }
            served.add("served");
            kept = served;
        }
        return Optional.of(SlotValue.loose(String.join(" ", kept)));
    }

    private static final Set<String> NAME_PARTICLES = Set.of("of", "and", "de", "van", "von", "der", "la", "del");

    /**
     * One to a few words, none of them a function word or a number, a leading "the" dropped; capitals as spoken,
     * words said in lower case title-cased ("o'neil" → "O'Neil"), particles inside a name kept lower case.
     */
    private Optional<SlotValue> person(int start, int end) {
        if (end - start > 1 && words.get(start).equals("the")) {
            start++;
        }
        if (end - start > vocabularies.maxNameWords() || NAME_PARTICLES.contains(words.get(end - 1))) {
            return Optional.empty(); // a particle joins parts of a name, never ends one: "Beatrice Oyelaran probate of"
        }
        StringBuilder name = new StringBuilder();
        for (int i = start; i < end; i++) {
            Token t = tokens.get(i);
            if (vocabularies.notNames().contains(t.text()) || !t.text().chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
                return Optional.empty();
            }
            String s = t.surface().replace("’", "'");
            if (vocabularies.capitals().contains(t.text())) {
                s = s.toUpperCase(Locale.ROOT); // "llc" is written "LLC"
            } else if (s.equals(s.toLowerCase(Locale.ROOT)) && !(i > start && NAME_PARTICLES.contains(s))) {
                s = titleCase(s);
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(s);
        }
        return Optional.of(SlotValue.loose(name.toString()));
    }

    private static String titleCase(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean upper = true;
        for (char c : word.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '\'' || c == '-';
        }
        return out.toString();
    }
}
