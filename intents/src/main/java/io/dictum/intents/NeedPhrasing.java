package io.dictum.intents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A request said as a need (catalogue {@code needs}): "I need the Bayview Medical file open" is "open the Bayview
 * Medical file", "I need a new matter opened for Priya Raman" is "open a new matter for Priya Raman" (a participle said
 * after what it acts on), "I need a search on dog bite statutes" is "run a search on dog bite statutes" (a thing asked
 * for, said for the request that makes it). All phrases are normalised words.
 *
 * @param openers     what a need begins with ("i need")
 * @param participles participle → the verb said in its place, in front
 * @param things      thing asked for → the request that makes it
 * @param delegators  words a request for someone else's task begins with when its "to" may be left out ("have")
 * @param delegatedVerbs verbs of a task that may follow the person it is for without "to": "have Miguel send the
 *                    subpoena out" is "have Miguel to send ..."
 * @param delegatedAfter what is said between a person and a task verb to give them the task: "Brian needs to file
 *                    the notice" is "have Brian to file the notice"
 * @param askedAfter  a request said after what it asks about → the words said in its place, in front: "the parenting
 *                    plan in Nguyen, where is it" is "where is the parenting plan in Nguyen"
 * @param pointers    words a request ends with that point back at what was said before it: "Garcia needs a demand
 *                    letter, can you start one", "Chen, let's open that one"
 * @param corrections what is said before words that take the place of some said before it: "a demand letter for
 *                    Thompson no wait for Delgado"
 * @param notCorrections what begins like a correction and is talk: "a new case for Desmond Pike, no details yet"
 * @param verbs       a verb no pattern uses → the verb the patterns use for it: "spin up a demand letter" is "draft a
 *                    demand letter"
 * @param headings    a heading said or typed first → the request it heads: "Note: called Gregory Shaw" is "take a note
 *                    called Gregory Shaw", "New matter: Priya Shah" is "open a new matter for Priya Shah"
 * @param typedHeadings headings that head a request only when typed with their colon ("Check conflicts: ...")
 * @param tagLeads    by slot type, what may lead a value typed apart after the request: ", due 12/4", ", assign to
 *                    Sarah"
 * @param appointments kinds of appointment that are scheduled when said bare with their day and time: "Mediation
 *                    12/10 at 1:30pm" is "schedule mediation 12/10 at 1:30pm"
 * @param afterOpening what joins a request said right after opening a case: "open the Miller case and find the police
 *                    report" finds the police report in Miller
 */
record NeedPhrasing(List<List<String>> openers, Map<List<String>, List<String>> participles,
                    Map<List<String>, List<String>> things, Set<String> delegators, Set<String> delegatedVerbs,
                    List<List<String>> delegatedAfter,
                    Map<List<String>, List<String>> askedAfter, List<List<String>> pointers,
                    List<List<String>> corrections, List<List<String>> notCorrections,
                    Map<List<String>, List<String>> verbs,
                    Map<List<String>, List<String>> headings, Map<List<String>, List<String>> typedHeadings,
                    Map<SlotType, List<List<String>>> tagLeads, List<List<String>> appointments,
                    List<List<String>> afterOpening) {

    NeedPhrasing {
        openers = openers.stream().sorted(Comparator.comparingInt((List<String> o) -> o.size()).reversed()).toList();
        participles = Map.copyOf(participles);
        things = Map.copyOf(things);
        delegators = Set.copyOf(delegators);
        delegatedVerbs = Set.copyOf(delegatedVerbs);
        delegatedAfter = List.copyOf(delegatedAfter);
        askedAfter = Map.copyOf(askedAfter);
        pointers = pointers.stream().sorted(Comparator.comparingInt((List<String> p) -> p.size()).reversed()).toList();
        corrections = corrections.stream().sorted(Comparator.comparingInt((List<String> c) -> c.size()).reversed())
                .toList();
        notCorrections = List.copyOf(notCorrections);
        verbs = Map.copyOf(verbs);
        headings = Map.copyOf(headings);
        typedHeadings = Map.copyOf(typedHeadings);
        tagLeads = Map.copyOf(tagLeads);
        appointments = List.copyOf(appointments);
        afterOpening = afterOpening.stream().sorted(Comparator.comparingInt((List<String> a) -> a.size()).reversed())
                .toList();
    }

    /** The words said as a request to schedule them, when they begin with a kind of appointment and go on after it. */
    Optional<List<Token>> scheduled(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        if (appointments.stream().noneMatch(kind -> kind.size() < words.size() - 1
                && words.subList(0, kind.size()).equals(kind))) {
            return Optional.empty();
        }
        List<Token> request = new ArrayList<>(List.of(new Token("schedule", "")));
        request.addAll(tokens);
        return Optional.of(request);
    }

    /** The words without the longest of the type's tag leads they begin with; empty when none begins them. */
    Optional<List<Token>> withoutTagLead(SlotType type, List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        return tagLeads.getOrDefault(type, List.of()).stream()
                .filter(lead -> lead.size() < words.size() && words.subList(0, lead.size()).equals(lead))
                .max(Comparator.comparingInt(List::size))
                .map(lead -> tokens.subList(lead.size(), tokens.size()));
    }

    /** Whether the words are a heading, typed with a colon. */
    boolean heads(List<String> words) {
        return headings.containsKey(words) || typedHeadings.containsKey(words);
    }

    /**
     * The words with the longest heading they begin with said as the request it heads; empty when none begins them.
     * {@code typed}: the heading was typed with its colon, so the typed-only headings count too.
     */
    Optional<List<Token>> headed(List<Token> tokens, boolean typed) {
        List<String> words = tokens.stream().map(Token::text).toList();
        return (typed ? Stream.of(headings, typedHeadings) : Stream.of(headings))
                .flatMap(map -> map.entrySet().stream())
                .filter(h -> h.getKey().size() < words.size() && words.subList(0, h.getKey().size()).equals(h.getKey()))
                .max(Comparator.comparingInt(h -> h.getKey().size()))
                .map(heading -> {
                    List<Token> out = new ArrayList<>();
                    List<String> h = heading.getKey();
                    List<String> request = heading.getValue();
                    String surface = Token.said(tokens.subList(0, h.size()));
                    for (int k = 0; k < request.size(); k++) {
                        out.add(new Token(request.get(k), k == 0 ? surface : ""));
                    }
                    out.addAll(tokens.subList(h.size(), tokens.size()));
                    return out;
                });
    }

    /** What was said before a correction, and what was said after it to take the place of some of those words. */
    record Correction(List<Token> before, List<Token> after) {
    }

    /** The first correction said between words ("... for Thompson no wait for Delgado"); empty when none is. */
    Optional<Correction> correction(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        for (int at = 1; at < words.size() - 1; at++) {
            int from = at;
            if (notCorrections.stream().anyMatch(talk -> saidAt(words, from, talk))) {
                continue; // "no details yet" is talk
            }
            for (List<String> marker : corrections) {
                int end = at + marker.size();
                if (end < words.size() && saidAt(words, at, marker)) {
                    return Optional.of(new Correction(tokens.subList(0, at), tokens.subList(end, tokens.size())));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean saidAt(List<String> words, int at, List<String> phrase) {
        return at + phrase.size() <= words.size() && words.subList(at, at + phrase.size()).equals(phrase);
    }

    /** The words with each verb no pattern uses said as the one the patterns use; empty when none is said. */
    Optional<List<Token>> withUsualVerbs(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        boolean changed = false;
        int i = 0;
        while (i < tokens.size()) {
            List<String> said = null;
            for (List<String> verb : verbs.keySet()) {
                if (i + verb.size() <= tokens.size() && (said == null || verb.size() > said.size())
                        && tokens.subList(i, i + verb.size()).stream().map(Token::text).toList().equals(verb)) {
                    said = verb;
                }
            }
            if (said == null) {
                out.add(tokens.get(i++));
                continue;
            }
            String surface = Token.said(tokens.subList(i, i + said.size()));
            List<String> usual = verbs.get(said);
            for (int k = 0; k < usual.size(); k++) {
                out.add(new Token(usual.get(k), k == 0 ? surface : ""));
            }
            i += said.size();
            changed = true;
        }
        return changed ? Optional.of(out) : Optional.empty();
    }

    /** The words before the pointer they end with ("... can you open" for "... can you open that"); empty if none. */
    Optional<List<Token>> beforePointer(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        for (List<String> pointer : pointers) {
            int at = words.size() - pointer.size();
            if (at > 1 && words.subList(at, words.size()).equals(pointer)) {
                return Optional.of(tokens.subList(0, at));
            }
        }
        return Optional.empty();
    }

    /** The words with a request said at their end put in front; empty when none ends them. */
    Optional<List<Token>> askedFirst(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        for (Map.Entry<List<String>, List<String>> asked : askedAfter.entrySet()) {
            int at = words.size() - asked.getKey().size();
            if (at > 0 && words.subList(at, words.size()).equals(asked.getKey())) {
                List<Token> request = new ArrayList<>(said(asked.getValue()));
                request.addAll(tokens.subList(0, at));
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /**
     * The words with "to" said before the first task verb that follows a word other than "to", when they begin with a
     * delegator; empty otherwise. Whether the words between are a name is the person slot's to say (persons.notNames:
     * "have kids call me back" gives nobody a task).
     */
    Optional<List<Token>> delegated(List<Token> tokens) {
        return obliged(tokens).or(() -> withDelegator(tokens));
    }

    /** A person told of a task is at most two words here: "Brian", "Sarah Lindqvist". */
    private static final int MAX_OBLIGED_NAME_WORDS = 2;

    /**
     * "Brian needs to file the notice of appearance": a person, one of delegatedAfter and a task verb, said as "have
     * Brian to file the notice of appearance".
     */
    private Optional<List<Token>> obliged(List<Token> tokens) {
        if (tokens.isEmpty() || delegators.isEmpty() || DETERMINERS.contains(tokens.get(0).text())) {
            return Optional.empty();
        }
        for (int names = 1; names <= MAX_OBLIGED_NAME_WORDS; names++) {
            for (List<String> after : delegatedAfter) {
                int verb = names + after.size();
                if (verb + 1 < tokens.size() && Token.texts(tokens.subList(names, verb)).equals(after)
                        && delegatedVerbs.contains(tokens.get(verb).text())) {
                    List<Token> request = new ArrayList<>(List.of(new Token(delegators.iterator().next(), "")));
                    request.addAll(tokens.subList(0, names));
                    request.add(new Token("to", "to"));
                    request.addAll(tokens.subList(verb, tokens.size()));
                    return Optional.of(request);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<Token>> withDelegator(List<Token> tokens) {
        if (tokens.size() < 3 || !delegators.contains(tokens.get(0).text())
                || DETERMINERS.contains(tokens.get(1).text())) {
            return Optional.empty(); // "we need the heat set up", "have the kids draft their lists" delegate nothing
        }
        for (int at = 2; at < tokens.size() - 1; at++) {
            if (delegatedVerbs.contains(tokens.get(at).text()) && !tokens.get(at - 1).text().equals("to")) {
                List<Token> request = new ArrayList<>(tokens.subList(0, at));
                request.add(new Token("to", "to"));
                request.addAll(tokens.subList(at, tokens.size()));
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /** Words a person given a task by name never begins with. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "our", "your", "his", "her", "their");

    /** The words said as a request, when they are said as a need; empty otherwise. */
    Optional<List<Token>> request(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        int from = openers.stream().filter(o -> o.size() < words.size() && words.subList(0, o.size()).equals(o))
                .mapToInt(List::size).findFirst().orElse(0);
        if (from == 0) {
            return Optional.empty();
        }
        for (int at = from + 1; at < words.size(); at++) {
            for (Map.Entry<List<String>, List<String>> participle : participles.entrySet()) {
                int end = at + participle.getKey().size();
                if (end <= words.size() && words.subList(at, end).equals(participle.getKey())) {
                    List<Token> request = new ArrayList<>(said(participle.getValue()));
                    request.addAll(tokens.subList(from, at));
                    request.addAll(tokens.subList(end, tokens.size()));
                    return Optional.of(request);
                }
            }
        }
        // no participle said: the thing asked for ("a new file for Trevor Banks") is said for the request making it
        for (Map.Entry<List<String>, List<String>> thing : things.entrySet()) {
            int end = from + thing.getKey().size();
            if (end <= words.size() && words.subList(from, end).equals(thing.getKey())) {
                List<Token> request = new ArrayList<>(said(thing.getValue()));
                request.addAll(tokens.subList(end, tokens.size()));
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    private static List<Token> said(List<String> words) {
        return words.stream().map(w -> new Token(w, w)).toList();
    }
}
