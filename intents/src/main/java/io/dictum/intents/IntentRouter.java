package io.dictum.intents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an utterance against the catalogue. Every pattern of every intent is tried against the normalised words;
 * each full match becomes a reading with its slots resolved. Readings are ranked by specificity (literal words,
 * counting a document phrase found in the vocabulary as literal), then by how well their slots settled, then by
 * catalogue order. The best is the interpretation; the best reading of each other intent is an alternative.
 * Nothing matching means {@link Intent#UNKNOWN} with confidence 0: the router does not guess.
 */
public final class IntentRouter {

    private final IntentCatalogue catalogue;
    private final EntityResolver resolver;
    private final ReReadings reReadings;

    public IntentRouter(IntentCatalogue catalogue, EntityResolver resolver) {
        this(catalogue, resolver, new ReReadings(catalogue));
    }

    /** A router for one resolver, with re-readings built once for the catalogue (they keep no state of a reading). */
    IntentRouter(IntentCatalogue catalogue, EntityResolver resolver, ReReadings reReadings) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.reReadings = Objects.requireNonNull(reReadings, "reReadings");
    }

    public Interpretation interpret(Utterance utterance) {
        List<Token> tokens = catalogue.normaliser().tokens(utterance.text());
        if (tokens.isEmpty()) {
            return unknown();
        }
        UtteranceReader reader = new UtteranceReader(utterance);
        List<Reading> readings = reader.readings(tokens);
        List<Reading> read = reReadings.reread(tokens, readings, reader).orElse(readings);
        return read.isEmpty() ? unknown() : interpretation(described(read, tokens));
    }

    /** One utterance's words read with the patterns; one resolver call per reference per utterance. */
    private final class UtteranceReader implements ReReadings.Reader {
        private final Utterance utterance;
        private final Map<String, List<EntityMatch>> lookups = new HashMap<>();

        UtteranceReader(Utterance utterance) {
            this.utterance = utterance;
        }

        @Override
        public String said() {
            return utterance.text();
        }

        @Override
        public List<Reading> readings(List<Token> words) {
            return IntentRouter.this.readings(words, utterance, lookups);
        }

        @Override
        public Optional<String> settledCase(List<Token> words) {
            return IntentRouter.this.settledCase(words, lookups);
        }

        @Override
        public Optional<SlotValue> value(SlotType type, List<Token> words) {
            return words.isEmpty() ? Optional.empty()
                    : new SlotReader(words, utterance.referenceTime().toLocalDate(), catalogue.vocabularies())
                    .read(type, 0, words.size());
        }
    }

    /**
     * "Create a case for Jerome Wallace, he's been charged with assault", "we just signed Anthony Russo, it's a
     * surgical error case": a matter type said anywhere in the sentence, as a description, fills the reading's
     * matter-type slot when the pattern left it empty and the words describe exactly one type. A single word counts only
     * with an article before it or a matter noun after it (vocabularies.matterNouns: "a divorce", "a malpractice case"), and no word of another slot
     * is read, so a client's name or a remark's "will" describes nothing.
     */
    private List<Reading> described(List<Reading> readings, List<Token> tokens) {
        Reading best = readings.get(0);
        Optional<SlotSpec> slot = catalogue.definitions().get(best.intent()).slotOf(SlotType.MATTER_TYPE);
        if (slot.isEmpty() || best.slots().containsKey(slot.get().name())) {
            return readings;
        }
        Set<String> taken = new HashSet<>();
        best.slots().values().forEach(v -> taken.addAll(SpeechNormaliser.words(v)));
        List<String> words = tokens.stream().map(Token::text).toList();
        PhraseVocabulary matterTypes = catalogue.vocabularies().matterTypes();
        Set<String> described = new HashSet<>();
        for (int start = 0; start < words.size(); start++) {
            if (matterTypes.drops(words.get(start))) {
                continue;
            }
            for (int end = Math.min(words.size(), start + 6); end > start; end--) {
                List<String> phrase = words.subList(start, end);
                if (phrase.stream().anyMatch(taken::contains)) {
                    continue;
                }
                Optional<String> type = matterTypes.lookup(phrase);
                boolean framed = end - start > 1 || (start > 0 && matterTypes.drops(words.get(start - 1)))
                        || (end < words.size() && catalogue.vocabularies().matterNouns().contains(words.get(end)));
                if (type.isPresent() && framed) {
                    described.add(type.get());
                    start = end - 1;
                    break;
                }
            }
        }
        if (described.size() != 1) {
            return readings;
        }
        Map<String, String> slots = new LinkedHashMap<>(best.slots());
        slots.put(slot.get().name(), described.iterator().next());
        List<Reading> out = new ArrayList<>(readings);
        out.set(0, new Reading(best.intent(), best.order(), best.literals(), best.tokens(), best.evidence(),
                best.spokenCase(), slots, best.unresolved()));
        return out;
    }

    /** Every reading of the words, best first. */
    private List<Reading> readings(List<Token> tokens, Utterance utterance, Map<String, List<EntityMatch>> lookups) {
        List<String> words = tokens.stream().map(Token::text).toList();
        SlotReader values = new SlotReader(tokens, utterance.referenceTime().toLocalDate(), catalogue.vocabularies());
        List<Reading> readings = new ArrayList<>();
        int order = 0;
        for (IntentDefinition definition : catalogue.definitions().values()) {
            PhrasePattern.SpanCheck check = check(definition, values);
            for (PhrasePattern pattern : definition.patterns()) {
                int rank = order++;
                pattern.match(words, check)
                        .flatMap(parse -> read(definition, pattern, parse, tokens, utterance, lookups, values, rank))
                        .ifPresent(readings::add);
            }
        }
        readings.sort(Reading.BEST_FIRST);
        return readings;
    }

    private Interpretation interpretation(List<Reading> readings) {
        Reading best = readings.get(0);
        double confidence = best.confidence(catalogue.confidence().matchFloor());
        List<Alternative> alternatives = new ArrayList<>();
        Set<Intent> seen = EnumSet.of(best.intent());
        for (Reading r : readings) {
            if (seen.add(r.intent())) {
                // a less specific reading is worth proportionally less, and never more than the chosen one
                double scaled = r.confidence(catalogue.confidence().matchFloor()) * r.literals() / best.literals();
                alternatives.add(new Alternative(r.intent(), round(Math.min(scaled, confidence))));
            }
        }
        alternatives.sort(Comparator.comparingDouble(Alternative::confidence).reversed());
        return new Interpretation(best.intent(), best.slots(), round(confidence), alternatives, best.unresolved());
    }


    /** Lets a pattern's checked slots take only the words that form a value of their type. */
    private static PhrasePattern.SpanCheck check(IntentDefinition definition, SlotReader values) {
        return new PhrasePattern.SpanCheck() {
            @Override
            public boolean checks(String slot) {
                SlotSpec spec = definition.slots().get(slot);
                return spec != null && spec.type().weighed();
            }

            @Override
            public int weigh(String slot, int start, int end) {
                SlotType type = definition.slots().get(slot).type();
                return values.read(type, start, end).map(v -> v.specific() ? end - start : 0).orElse(-1);
            }

            @Override
            public int maxWords(String slot) {
                return values.maxWords(definition.slots().get(slot).type());
            }
        };
    }

    private static Interpretation unknown() {
        return new Interpretation(Intent.UNKNOWN, Map.of(), 0.0, List.of(), Map.of());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** A case said inside a document or event phrase is at most this many words ("the johnson versus acme"). */
    private static final int MAX_CASE_WORDS_IN_PHRASE = 3;
    /** What joins the parties of a case's title, said or typed: "Johnson v. Acme Insurance", "Chen versus Brightline". */
    private static final Set<String> TITLE_JOINS = Set.of("v", "vs", "versus");

    /**
     * A case said inside the document or event phrase of a pattern that left the intent's case slot out.
     *
     * @param phraseSlot the document or event slot the case was said in
     * @param rest       that slot's words without the case
     * @param joinWords  words of the phrase that only joined the case ("in"): counted as literal
     */
    /** A case found in a phrase; {@code caseId} null for one said by name and noun that the firm does not have. */
    private record CaseInPhrase(String slot, String caseId, String phraseSlot, List<Token> rest, int joinWords) {
    }

    /**
     * Finds a case said at the end of a document or event phrase ("send the client the settlement agreement in
     * Okafor") or in front of it ("put the Garcia mediation on the calendar"), when the pattern has no place for the
     * case. Only a reference that settles exactly one case is taken out; anything else stays the phrase's words,
     * so "the motion for summary judgment" keeps its name. The joining words are the catalogue's (caseResolution):
     * free text is cut only for the intents it lists, so a note keeps every word said ("the witness lives in
     * Springfield" is no case reference).
     */
    private Optional<CaseInPhrase> caseInPhrase(IntentDefinition definition, PhrasePattern.Parse parse,
                                                List<Token> tokens, Map<String, List<EntityMatch>> lookups) {
        SlotSpec caseSlot = definition.slotOf(SlotType.CASE).orElse(null);
        if (caseSlot == null || parse.slots().containsKey(caseSlot.name())) {
            return Optional.empty();
        }
        for (SlotSpec slot : definition.slots().values()) {
            List<PhrasePattern.Span> pieces = parse.pieces().get(slot.name());
            Set<String> joins = catalogue.caseResolution().joinsFor(definition.intent(), slot.type());
            boolean textFront = slot.type() == SlotType.TEXT
                    && catalogue.caseResolution().textFront().contains(definition.intent());
            if (pieces == null || pieces.size() != 1 || (joins.isEmpty() && !textFront)) {
                continue;
            }
            List<Token> words = tokens.subList(pieces.get(0).start(), pieces.get(0).end());
            // the reference may carry "the" and a case noun besides its own words
            int nearest = Math.max(1, words.size() - 2 - MAX_CASE_WORDS_IN_PHRASE);
            for (int at = words.size() - 2; at >= nearest; at--) {
                if (joins.contains(words.get(at).text())) {
                    Optional<String> id = settledCase(words.subList(at + 1, words.size()), lookups);
                    if (id.isPresent()) {
                        return Optional.of(new CaseInPhrase(caseSlot.name(), id.get(), slot.name(),
                                List.copyOf(words.subList(0, at)), 1));
                    }
                }
            }
            if (slot.type() == SlotType.TEXT) {
                int before = pieces.get(0).start() - 1;
                boolean joined = before >= 0
                        && catalogue.caseResolution().textFrontJoins().contains(tokens.get(before).text());
                Optional<CaseInPhrase> front = caseBeginningText(definition, caseSlot, slot, words, lookups, joined);
                if (front.isPresent()) {
                    return front;
                }
                continue;
            }
            // "the garcia mediation": a case in front only when what follows is still a phrase of its own, and the
            // whole is no kind of its own ("the insurance policy" names no Acme Insurance case)
            if (slot.type() == SlotType.DOCUMENT && catalogue.documents().normalise(words.stream().map(Token::text).toList())
                    .filter(DocumentVocabulary.Normalised::known).isPresent()) {
                continue;
            }
            int from = !words.isEmpty() && words.get(0).text().equals("the") ? 1 : 0;
            for (int end = from + 1; end <= from + 2 && end < words.size(); end++) {
                List<Token> rest = words.subList(end, words.size());
                boolean restReads = slot.type() == SlotType.EVENT
                        || catalogue.documents().normalise(rest.stream().map(Token::text).toList())
                        .filter(DocumentVocabulary.Normalised::known).isPresent();
                if (restReads) {
                    Optional<String> id = settledCase(words.subList(from, end), lookups);
                    if (id.isPresent()) {
                        return Optional.of(new CaseInPhrase(caseSlot.name(), id.get(), slot.name(), List.copyOf(rest), 0));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Make a note on Okafor the landlord replaced the railing", "I spent point four on Miller reviewing the bills":
     * free text of an intent the catalogue lists (caseResolution.textFront) that begins with a case, after one of
     * caseResolution.textFrontJoins or none, gives the case when the fewest words that settle exactly one case are
     * followed by two words or more. A file said by a name the firm has none for, after a join ({@code joined}: said
     * just before the text), is a case not found.
     */
    private Optional<CaseInPhrase> caseBeginningText(IntentDefinition definition, SlotSpec caseSlot, SlotSpec text,
                                                     List<Token> words, Map<String, List<EntityMatch>> lookups,
                                                     boolean joined) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        if (!policy.textFront().contains(definition.intent()) || words.isEmpty()) {
            return Optional.empty();
        }
        int start = policy.textFrontJoins().contains(words.get(0).text()) ? 1 : 0;
        int joins = start;
        if (start < words.size() && words.get(start).text().equals("the")) {
            start++;
        }
        for (int end = start + 1; end <= Math.min(words.size(), start + MAX_CASE_WORDS_IN_PHRASE); end++) {
            if (policy.ignoreWords().contains(words.get(end - 1).text())) {
                break; // "the file the trustee wants": the reference ends at its case noun
            }
            if (catalogue.needs().delegatedVerbs().contains(words.get(end - 1).text())) {
                break; // "task Sarah pull the docket": a task's verb is no name, however a fuzzy index hears it
            }
            Optional<EntityMatch> match = settledMatch(words.subList(start, end), lookups);
            if (match.isPresent()) {
                int rest = afterTitle(words, end, match.get());
                if (words.size() - rest < 2 && !(words.size() - rest == 1 && saysWhatIsDone(words.get(rest)))) {
                    return Optional.empty();
                }
                // "note Sarah Miller says her back is worse": the client the text is about stays its subject
                boolean subject = joins == 0 && rest == end && policy.subjectVerbs().contains(words.get(rest).text());
                return Optional.of(new CaseInPhrase(caseSlot.name(), match.get().id(), text.name(),
                        List.copyOf(words.subList(subject ? start : rest, words.size())), joins));
            }
        }
        // after a join only: "make a note the Brooks file is closed" is what the note says
        return joins == 0 && !joined ? Optional.empty() : namedFile(words, start, words.size()).map(end -> new CaseInPhrase(
                caseSlot.name(), null, text.name(), List.copyOf(words.subList(end, words.size())), joins));
    }

    /**
     * "Record 1.7 hours to Rivera research on sovereign immunity", "fifty five minutes on Garza reviewing the
     * accountings": a case slot that took words said after the case, when they settle none (nor after a join), is the
     * fewest words at its front that settle exactly one case, for an intent whose free text may hold it
     * (caseResolution.textFront); the words after them, two or more, begin that text, which runs on to the end of the
     * text slot said after the case, if one was.
     */
    private Optional<CaseInPhrase> caseThenText(IntentDefinition definition, PhrasePattern.Parse parse,
                                                List<Token> tokens, Map<String, List<EntityMatch>> lookups) {
        Optional<SlotSpec> caseSlot = definition.slotOf(SlotType.CASE);
        Optional<SlotSpec> text = definition.slotOf(SlotType.TEXT);
        if (caseSlot.isEmpty() || text.isEmpty() || !parse.slots().containsKey(caseSlot.get().name())
                || !catalogue.caseResolution().textFront().contains(definition.intent())) {
            return Optional.empty();
        }
        PhrasePattern.Span caseSpan = parse.slots().get(caseSlot.get().name());
        PhrasePattern.Span textSpan = parse.slots().get(text.get().name());
        if (textSpan != null && (parse.pieces().get(text.get().name()).size() != 1 || textSpan.start() < caseSpan.end())) {
            return Optional.empty();
        }
        CaseResolutionPolicy policy = catalogue.caseResolution();
        List<String> reference = tokens.subList(caseSpan.start(), caseSpan.end()).stream().map(Token::text)
                .filter(w -> !policy.ignoreWords().contains(w)).toList();
        if (reference.isEmpty() || decideCase(reference, lookups).resolved().isPresent()
                || caseAfterLastJoin(reference, lookups).isPresent()) {
            return Optional.empty();
        }
        int last = textSpan == null ? caseSpan.end() : textSpan.end();
        int start = tokens.get(caseSpan.start()).text().equals("the") ? caseSpan.start() + 1 : caseSpan.start();
        int fewest = last - start >= 2 && saysWhatIsDone(tokens.get(last - 1)) ? 1 : 2;
        for (int end = start + 1; end <= Math.min(last - fewest, start + MAX_CASE_WORDS_IN_PHRASE); end++) {
            Optional<String> id = settledCase(tokens.subList(start, end), lookups);
            if (id.isPresent()) {
                int rest = end;
                while (rest < last - 2 && saysWhatKindOfCase(tokens.get(rest).text())) {
                    rest++; // "the Garza trust reviewing the accountings"
                }
                return Optional.of(new CaseInPhrase(caseSlot.get().name(), id.get(), text.get().name(),
                        List.copyOf(tokens.subList(rest, last)), 0));
            }
        }
        return namedFile(tokens, start, last).map(end -> new CaseInPhrase(caseSlot.get().name(), null,
                text.get().name(), List.copyOf(tokens.subList(end, last)), 0));
    }

    /** Whose a document is, said before its kind: "Dr. Park's", "the defendant's", at most this many words. */
    private static final int MAX_OWNER_WORDS = 4;

    /**
     * "Dr. Park's expert report", "the defendant's motion in limine", "the court's scheduling order": a known kind said
     * after whose it is, with the possessive's apostrophe as recognisers and typists write it, is that kind.
     */
    private Optional<DocumentVocabulary.Normalised> ownersKind(List<Token> words) {
        for (int owner = 0; owner < Math.min(words.size() - 1, MAX_OWNER_WORDS); owner++) {
            String surface = words.get(owner).surface().toLowerCase(Locale.ROOT);
            if (surface.endsWith("'s") || surface.endsWith("’s") || surface.endsWith("s'")) {
                return catalogue.documents().normalise(words.subList(owner + 1, words.size()).stream()
                        .map(Token::text).toList()).filter(DocumentVocabulary.Normalised::known);
            }
        }
        return Optional.empty();
    }

    /**
     * The nouns a file is named with: fewer than vocabularies.matterNouns, whose "claim" or "dispute" may be what a note
     * is about ("a note for the insurance claim ...").
     */
    private static final Set<String> FILE_NOUNS = Set.of("file", "case", "matter");

    /**
     * Where a case said by name and noun at {@code start} ends, when its name settles no case: "note for the Brooks file
     * client's still in therapy" names a file the firm does not have, which is asked about rather than taken for the
     * case open (the text keeps the rest). Empty when the words there are no name and noun.
     */
    private Optional<Integer> namedFile(List<Token> tokens, int start, int last) {
        for (int end = start + 2; end <= Math.min(last - 2, start + MAX_CASE_WORDS_IN_PHRASE + 1); end++) {
            List<String> name = tokens.subList(start, end - 1).stream().map(Token::text).toList();
            if (FILE_NOUNS.contains(tokens.get(end - 1).text())) {
                boolean names = name.stream().noneMatch(w -> catalogue.vocabularies().notNames().contains(w)
                        || catalogue.caseResolution().ignoreWords().contains(w));
                return names ? Optional.of(end) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A case noun or a word of the matter-type vocabulary, said after a case's name: "matter", "trust", "divorce". */
    private boolean saysWhatKindOfCase(String word) {
        return (!word.equals("the") && catalogue.caseResolution().ignoreWords().contains(word))
                || catalogue.vocabularies().matterTypes().lookup(List.of(word)).isPresent();
    }

    /**
     * The case the words name, when they settle exactly one and are names only: "in Kowalczyk was served" is no case
     * reference, whatever a fuzzy index makes of it, because "was" belongs to no name.
     */
    private Optional<String> settledCase(List<Token> words, Map<String, List<EntityMatch>> lookups) {
        return settledMatch(words, lookups).map(EntityMatch::id);
    }

    private Optional<EntityMatch> settledMatch(List<Token> words, Map<String, List<EntityMatch>> lookups) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        List<String> reference = words.stream().map(Token::text).filter(w -> !policy.ignoreWords().contains(w)).toList();
        // a title typed in full joins its parties with "v." ("Johnson v. Acme Insurance"): the join is no name word
        long names = reference.stream().filter(w -> !TITLE_JOINS.contains(w)).count();
        if (names == 0 || names > MAX_CASE_WORDS_IN_PHRASE
                || reference.stream().anyMatch(catalogue.vocabularies().notNames()::contains)) {
            return Optional.empty();
        }
        return decideCase(reference, lookups).resolved();
    }

    /**
     * Where the text begins after a case settled by the words before {@code end}: past the words that go on with the
     * case's own title as it is written ("a note on the Patel purchase the buyers want ..." is about the buyers) and a
     * case noun, leaving at least two words of text. Only the title's next words in order: "a note on Miller Acme called
     * again" keeps "Acme", said after "Miller" but not after it in "Miller v. Acme Trucking".
     */
    private int afterTitle(List<Token> words, int end, EntityMatch match) {
        List<String> title = SpeechNormaliser.words(match.label());
        int at = title.indexOf(words.get(end - 1).text());
        int rest = end;
        while (at >= 0 && at + 1 < title.size() && rest < words.size() - 2
                && words.get(rest).text().equals(title.get(at + 1))) {
            rest++;
            at++;
        }
        CaseResolutionPolicy policy = catalogue.caseResolution();
        if (rest < words.size() - 3 && policy.describing().contains(words.get(rest).text())
                && policy.ignoreWords().contains(words.get(rest + 1).text()) && !words.get(rest + 1).text().equals("the")) {
            rest++; // "on the Miller truck case her daughter called"
        }
        if (rest < words.size() - 2 && !words.get(rest).text().equals("the")
                && policy.ignoreWords().contains(words.get(rest).text())) {
            rest++; // "on the Okafor matter the landlord ..."
        }
        return rest;
    }

    /**
     * What the firm's index makes of a spoken reference. "The Nguyen divorce", "the Thompson criminal case": words at
     * its end that only say what kind of matter it is (the matter-type vocabulary) are left out when the whole settles
     * no case and the rest settles one.
     */
    private CaseResolutionPolicy.Decision decideCase(List<String> reference, Map<String, List<EntityMatch>> lookups) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        CaseResolutionPolicy.Decision decision = policy.decide(lookup(reference, lookups));
        for (int kind = 1; decision.resolved().isEmpty() && kind <= 3 && kind < reference.size(); kind++) {
            List<String> name = reference.subList(0, reference.size() - kind);
            if (catalogue.vocabularies().matterTypes().lookup(reference.subList(name.size(), reference.size())).isPresent()) {
                CaseResolutionPolicy.Decision named = policy.decide(lookup(name, lookups));
                if (named.resolved().isPresent()) {
                    return named;
                }
            }
        }
        if (decision.resolved().isEmpty()) {
            // "the Miller crash", "Thompson, the federal criminal one": the words that only describe the matter left out
            List<String> name = reference.stream().filter(w -> !describesMatter(w)).toList();
            if (!name.isEmpty() && name.size() < reference.size() && name.size() <= MAX_CASE_WORDS_IN_PHRASE) {
                CaseResolutionPolicy.Decision named = policy.decide(lookup(name, lookups));
                if (named.resolved().isPresent()) {
                    return named;
                }
            }
        }
        return decision;
    }

    /** One word of text after a case is enough when it says what is being done: "start timer Nguyen drafting". */
    private static boolean saysWhatIsDone(Token word) {
        return word.text().endsWith("ing");
    }

    /** A word that says what a matter is about: the catalogue's describing words, or a matter type said in one word. */
    private boolean describesMatter(String word) {
        return catalogue.caseResolution().describing().contains(word)
                || catalogue.vocabularies().matterTypes().lookup(List.of(word)).isPresent();
    }

    /**
     * "Draft a subpoena for the records custodian in Delgado": a case slot that took more words than the case, when
     * they settle none, is the case named after its last leading join (caseResolution.leadingJoins), if those words
     * settle exactly one.
     */
    private Optional<CaseResolutionPolicy.Decision> caseAfterLastJoin(List<String> reference,
                                                                      Map<String, List<EntityMatch>> lookups) {
        Set<String> joins = catalogue.caseResolution().leadingJoins();
        int join = reference.size() - 2;
        while (join > 0 && !joins.contains(reference.get(join))) {
            join--;
        }
        if (join <= 0 || decideCase(reference, lookups).resolved().isPresent()) {
            return Optional.empty();
        }
        CaseResolutionPolicy.Decision named = decideCase(reference.subList(join + 1, reference.size()), lookups);
        return named.resolved().isPresent() ? Optional.of(named) : Optional.empty();
    }

    private List<EntityMatch> lookup(List<String> reference, Map<String, List<EntityMatch>> lookups) {
        return lookups.computeIfAbsent(String.join(" ", reference), s -> {
            List<EntityMatch> found = resolver.cases(s, catalogue.caseResolution().candidates());
            return found == null ? List.of() : List.copyOf(found);
        });
    }

    /**
     * No case's name begins with a kind of document the vocabulary knows: "get me the trust agreement Garza" asks for
     * a document in the Garza case, however well "trust ... Garza" matches "Garza Family Trust".
     */
    private boolean beginsWithKnownDocument(List<String> reference) {
        for (int end = reference.size() - 1; end >= 1; end--) {
            if (catalogue.documents().normalise(reference.subList(0, end)).filter(DocumentVocabulary.Normalised::known)
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The Northside employee handbook in Kowalczyk", "the Acme Trucking driver log for Miller": a document named with
     * words of its own case's title in front, and no kind the vocabulary knows as a whole, is what the words after them
     * say.
     */
    private void withoutCaseTitle(IntentDefinition definition, Map<String, String> slots,
                                  Map<String, List<EntityMatch>> lookups) {
        Optional<SlotSpec> caseSlot = definition.slotOf(SlotType.CASE);
        Optional<SlotSpec> documentSlot = definition.slotOf(SlotType.DOCUMENT);
        if (caseSlot.isEmpty() || documentSlot.isEmpty() || !slots.containsKey(caseSlot.get().name())
                || !slots.containsKey(documentSlot.get().name())) {
            return;
        }
        String caseId = slots.get(caseSlot.get().name());
        Optional<String> title = lookups.values().stream().flatMap(List::stream).filter(m -> m.id().equals(caseId))
                .map(EntityMatch::label).findFirst();
        if (title.isEmpty()) {
            return;
        }
        List<String> titleWords = SpeechNormaliser.words(title.get());
        List<String> document = SpeechNormaliser.words(slots.get(documentSlot.get().name()));
        if (catalogue.documents().normalise(document).filter(DocumentVocabulary.Normalised::known).isPresent()) {
            return; // "the medical records in Garcia" (Bayview Medical Center): a kind the vocabulary knows stays whole
        }
        int kind = 0;
        while (kind < document.size() - 1 && titleWords.contains(document.get(kind))) {
            kind++;
        }
        if (kind > 0) {
            catalogue.documents().normalise(document.subList(kind, document.size()))
                    .ifPresent(rest -> slots.put(documentSlot.get().name(), rest.value()));
        }
    }

    /** Turns a parse into a reading; empty when a slot is left with nothing in it ("open the case"). */
    private Optional<Reading> read(IntentDefinition definition, PhrasePattern pattern, PhrasePattern.Parse parse,
                                   List<Token> tokens,
                                   Utterance utterance, Map<String, List<EntityMatch>> lookups, SlotReader values,
                                   int order) {
        ConfidencePolicy factors = catalogue.confidence();
        Map<String, String> slots = new LinkedHashMap<>();
        Map<String, List<EntityMatch>> unresolved = new LinkedHashMap<>();
        int literals = parse.literals();
        double evidence = 1.0;
        Optional<CaseInPhrase> caseInPhrase = caseInPhrase(definition, parse, tokens, lookups);
        if (caseInPhrase.isPresent()) {
            if (caseInPhrase.get().caseId() == null) {
                unresolved.put(caseInPhrase.get().slot(), List.of()); // "note for the Brooks file ...": no such case
                evidence *= factors.entityNotFound();
            } else {
                slots.put(caseInPhrase.get().slot(), caseInPhrase.get().caseId());
            }
            literals += caseInPhrase.get().joinWords();
        }
        Optional<CaseInPhrase> caseThenText = caseInPhrase.isPresent() ? Optional.empty()
                : caseThenText(definition, parse, tokens, lookups);
        if (caseThenText.isPresent()) {
            String name = caseThenText.get().phraseSlot();
            slots.put(name, Token.saidAsTyped(utterance.text(),
                    definition.slots().get(name).value(caseThenText.get().rest())));
        }
        for (SlotSpec slot : definition.slots().values()) {
            PhrasePattern.Span span = parse.slots().get(slot.name());
            if (span == null) {
                if (!slots.containsKey(slot.name()) && !unresolved.containsKey(slot.name()) && slot.fromContext()
                        && utterance.contextCaseId().isPresent()) {
                    slots.put(slot.name(), utterance.contextCaseId().get());
                }
                continue;
            }
            List<Token> captured = new ArrayList<>();
            for (PhrasePattern.Span piece : parse.pieces().get(slot.name())) {
                captured.addAll(tokens.subList(piece.start(), piece.end()));
            }
            if (caseInPhrase.isPresent() && caseInPhrase.get().phraseSlot().equals(slot.name())) {
                captured = caseInPhrase.get().rest();
            }
            switch (slot.type()) {
                case CASE -> {
                    CaseResolutionPolicy policy = catalogue.caseResolution();
                    List<String> reference = captured.stream().map(Token::text)
                            .filter(w -> !policy.ignoreWords().contains(w)).toList();
                    if (reference.isEmpty() || policy.neverFirst().contains(reference.get(0))
                            || policy.neverLast().contains(reference.get(reference.size() - 1))
                            || beginsWithKnownDocument(reference)) {
                        return Optional.empty();
                    }
                    if (caseThenText.isPresent() && caseThenText.get().caseId() == null) {
                        unresolved.put(slot.name(), List.of()); // "note for the Brooks file ...": no such case
                        evidence *= factors.entityNotFound();
                        continue;
                    }
                    if (caseThenText.isPresent()) {
                        slots.put(slot.name(), caseThenText.get().caseId());
                        continue;
                    }
                    CaseResolutionPolicy.Decision decision = caseAfterLastJoin(reference, lookups)
                            .orElseGet(() -> decideCase(reference, lookups));
                    if (pattern.isVocabularyOnly() && decision.resolved().isEmpty() && decision.candidates().isEmpty()) {
                        return Optional.empty(); // a loose phrasing names a case only when the firm has one like it
                    }
                    if (decision.resolved().isPresent()) {
                        slots.put(slot.name(), decision.resolved().get().id());
                    } else {
                        unresolved.put(slot.name(), decision.candidates());
                        evidence *= decision.candidates().isEmpty() ? factors.entityNotFound() : factors.ambiguousEntity();
                    }
                }
                case DOCUMENT -> {
                    List<Token> said = captured;
                    Optional<DocumentVocabulary.Normalised> asSaid =
                            catalogue.documents().normalise(said.stream().map(Token::text).toList());
                    Optional<DocumentVocabulary.Normalised> document = asSaid.filter(DocumentVocabulary.Normalised::known)
                            .or(() -> ownersKind(said)).or(() -> asSaid);
                    if (document.isEmpty() || (pattern.isVocabularyOnly() && !document.get().known())) {
                        return Optional.empty();
                    }
                    slots.put(slot.name(), document.get().value());
                    if (!document.get().known()) { // a known kind's words were counted as literal by the match
                        evidence *= factors.freeTextDocument();
                    } else if (caseInPhrase.isPresent() && caseInPhrase.get().phraseSlot().equals(slot.name())) {
                        literals += captured.size(); // the kind was found only once the case was taken out
                    }
                }
                case TEXT -> slots.put(slot.name(), Token.saidAsTyped(utterance.text(),
                        slot.value(caseThenText.isPresent()
                                && caseThenText.get().phraseSlot().equals(slot.name()) ? caseThenText.get().rest() : captured)));
                default -> {
                    // a checked type: the match only cut the slot where its words form a value
                    boolean whole = parse.pieces().get(slot.name()).size() == 1
                            && !(caseInPhrase.isPresent() && caseInPhrase.get().phraseSlot().equals(slot.name()));
                    Optional<SlotValue> read = whole
                            ? values.read(slot.type(), span.start(), span.end())
                            : values.readWords(slot.type(), captured);
                    if (read.isEmpty() || (read.get().valid() && read.get().value().isEmpty())) {
                        return Optional.empty(); // an event of articles only ("schedule the")
                    }
                    SlotValue value = read.get();
                    if (value.valid()) {
                        slots.put(slot.name(), value.value());
                    } else {
                        unresolved.put(slot.name(), List.of()); // "February thirtieth": said, but no such day
                        evidence *= factors.entityNotFound();
                    }
                }
            }
        }
        withoutCaseTitle(definition, slots, lookups);
        boolean spokenCase = caseInPhrase.isPresent() || definition.slots().values().stream()
                .anyMatch(s -> s.type() == SlotType.CASE && parse.slots().containsKey(s.name()));
        return Optional.of(new Reading(definition.intent(), order, literals, tokens.size(), evidence, spokenCase, slots,
                unresolved));
    }
}
