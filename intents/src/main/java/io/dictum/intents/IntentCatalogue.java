package io.dictum.intents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The phrases Dictum understands, loaded from YAML: the bundled {@code io/dictum/intents/catalogue.yaml}, then any
 * number of firm files merged over it in order. Merging adds: patterns, examples, fillers and document synonyms are
 * appended; a slot declared again replaces the earlier declaration; a number given again replaces the earlier one.
 * Everything is validated and compiled here, once, so a broken firm file fails at start-up and not mid-hearing.
 */
public final class IntentCatalogue {

    static final String DEFAULT_SOURCE = "classpath:io/dictum/intents/catalogue.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) // two "open_case:" keys would silently drop one
            .build();

    private final List<String> sources;
    private final SpeechNormaliser normaliser;
    private final CaseResolutionPolicy caseResolution;
    private final ConfidencePolicy confidence;
    private final DocumentVocabulary documents;
    private final SlotReader.Vocabularies vocabularies;
    private final Map<Intent, IntentDefinition> definitions;
    private final Set<String> clauseBreaks;
    private final Set<String> remarkStarts;
    private final List<List<String>> gerundAfter;
    private final NeedPhrasing needs;
    private final Set<String> questionWords;

    private IntentCatalogue(List<String> sources, SpeechNormaliser normaliser, CaseResolutionPolicy caseResolution,
                            ConfidencePolicy confidence, DocumentVocabulary documents,
                            SlotReader.Vocabularies vocabularies, Map<Intent, IntentDefinition> definitions,
                            Set<String> clauseBreaks, Set<String> remarkStarts, List<List<String>> gerundAfter,
                            NeedPhrasing needs, Set<String> questionWords) {
        this.sources = List.copyOf(sources);
        this.normaliser = normaliser;
        this.caseResolution = caseResolution;
        this.confidence = confidence;
        this.documents = documents;
        this.vocabularies = vocabularies;
        this.definitions = Collections.unmodifiableMap(definitions);
        this.clauseBreaks = Set.copyOf(clauseBreaks);
        this.remarkStarts = Set.copyOf(remarkStarts);
        this.gerundAfter = List.copyOf(gerundAfter);
        this.needs = needs;
        this.questionWords = Set.copyOf(questionWords);
    }

    /** The bundled catalogue alone. */
    public static IntentCatalogue defaults() {
        return load(List.of());
    }

    /** The bundled catalogue with the given files merged over it, later files winning. */
    public static IntentCatalogue load(Path... extraFiles) {
        return load(Arrays.asList(extraFiles));
    }

    /** The bundled catalogue with the given files merged over it, later files winning. */
    public static IntentCatalogue load(List<Path> extraFiles) {
        Draft draft = new Draft();
        draft.merge(DEFAULT_SOURCE, readDefault());
        for (Path file : extraFiles) {
            Objects.requireNonNull(file, "catalogue file");
            draft.merge(file.toString(), read(file.toString(), () -> {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CatalogueException(file + ": cannot read the catalogue file: " + e, e);
                }
            }));
        }
        return draft.compile();
    }

    /** The files merged, bundled one first. */
    public List<String> sources() {
        return sources;
    }

    /** The intents that have at least one pattern, in catalogue order. */
    public Set<Intent> intents() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(definitions.keySet()));
    }

    /** The patterns of an intent as written; empty for an intent the catalogue does not cover. */
    public List<String> patterns(Intent intent) {
        IntentDefinition d = definitions.get(intent);
        return d == null ? List.of() : d.patterns().stream().map(PhrasePattern::source).toList();
    }

    /** Example phrases of an intent, for help answers and for checking the catalogue against itself. */
    public List<String> examples(Intent intent) {
        IntentDefinition d = definitions.get(intent);
        return d == null ? List.of() : d.examples();
    }

    public CaseResolutionPolicy caseResolution() {
        return caseResolution;
    }

    SpeechNormaliser normaliser() {
        return normaliser;
    }

    /** The words an utterance is matched with: lower case, without punctuation and fillers. */
    public List<String> words(String utterance) {
        return normaliser.tokens(utterance).stream().map(Token::text).toList();
    }

    /** Words after which a remark ends and a request may begin: "I'm off the phone now stop the timer". */
    Set<String> clauseBreaks() {
        return clauseBreaks;
    }

    /** Words that begin a remark said after the request: "... for Keisha Moore she was fired after ...". */
    Set<String> remarkStarts() {
        return remarkStarts;
    }

    /** Phrases after which a request's verb is said as a gerund: "would you mind opening the Chen matter". */
    List<List<String>> gerundAfter() {
        return gerundAfter;
    }

    /** A request said as a need: "I need the Bayview Medical file open". */
    NeedPhrasing needs() {
        return needs;
    }

    /** Words a question begins with: the slot-first reader reads no change into a question. */
    Set<String> questionWords() {
        return questionWords;
    }

    ConfidencePolicy confidence() {
        return confidence;
    }

    DocumentVocabulary documents() {
        return documents;
    }

    SlotReader.Vocabularies vocabularies() {
        return vocabularies;
    }

    Map<Intent, IntentDefinition> definitions() {
        return definitions;
    }

    // ---- reading

    private static CatalogueFile readDefault() {
        return read(DEFAULT_SOURCE, () -> {
            try (InputStream in = IntentCatalogue.class.getResourceAsStream("catalogue.yaml")) {
                if (in == null) {
                    throw new CatalogueException(DEFAULT_SOURCE + ": not found on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CatalogueException(DEFAULT_SOURCE + ": cannot read: " + e, e);
            }
        });
    }

    private static CatalogueFile read(String source, Supplier<String> text) {
        String yaml = text.get();
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return new CatalogueFile(null, null, null, null, null, null, null, null, null, null, null); // an empty firm file changes nothing
            }
            return YAML.readValue(parser, CatalogueFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String path = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? " at " + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    : "";
            throw new CatalogueException(source + ": not a valid catalogue" + path + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogueException(source + ": cannot read the catalogue: " + e, e);
        }
    }

    // ---- merging and compiling

    /** A pattern as written, with whether its document slots take vocabulary kinds only. */
    private record Sourced(String source, String text, boolean vocabularyOnly) {
    }

    private record SourcedSlot(String source, CatalogueFile.SlotEntry entry) {
    }

    private static final class IntentDraft {
        final Map<String, SourcedSlot> slots = new LinkedHashMap<>();
        final List<Sourced> patterns = new ArrayList<>();
        final List<String> examples = new ArrayList<>();
        final List<Sourced> cues = new ArrayList<>();
    }

    /** The merged, not yet validated, content of all files. */
    private static final class Draft {
        final List<String> sources = new ArrayList<>();
        final Set<String> anywhere = new LinkedHashSet<>();
        final Set<String> leading = new LinkedHashSet<>();
        final Set<String> trailing = new LinkedHashSet<>();
        final Map<String, String> spokenForms = new LinkedHashMap<>();
        Double minScore;
        Double margin;
        Integer candidates;
        final Set<String> ignoreWords = new LinkedHashSet<>();
        final Set<String> neverFirst = new LinkedHashSet<>();
        final Map<SlotType, Set<String>> joins = new EnumMap<>(SlotType.class);
        final Map<Intent, Set<String>> textJoins = new EnumMap<>(Intent.class);
        final Set<String> leadingJoins = new LinkedHashSet<>();
        final Set<String> textFrontJoins = new LinkedHashSet<>();
        final Set<String> neverLast = new LinkedHashSet<>();
        final Set<String> describing = new LinkedHashSet<>();
        final Set<String> subjectVerbs = new LinkedHashSet<>();
        final Set<Intent> textFront = EnumSet.noneOf(Intent.class);
        final Set<String> breaks = new LinkedHashSet<>();
        final Set<String> remarks = new LinkedHashSet<>();
        final Set<String> gerundAfter = new LinkedHashSet<>();
        final Set<String> needOpeners = new LinkedHashSet<>();
        final Map<String, String> participles = new LinkedHashMap<>();
        final Map<String, String> neededThings = new LinkedHashMap<>();
        final Set<String> delegatedVerbs = new LinkedHashSet<>();
        final Set<String> delegators = new LinkedHashSet<>();
        final Set<String> appointments = new LinkedHashSet<>();
        final Set<String> afterOpening = new LinkedHashSet<>();
        final Set<String> delegatedAfter = new LinkedHashSet<>();
        final Map<String, String> askedAfter = new LinkedHashMap<>();
        final Set<String> pointers = new LinkedHashSet<>();
        final Set<String> corrections = new LinkedHashSet<>();
        final Set<String> notCorrections = new LinkedHashSet<>();
        final Map<String, String> verbs = new LinkedHashMap<>();
        final Map<String, String> headings = new LinkedHashMap<>();
        final Map<String, String> typedHeadings = new LinkedHashMap<>();
        final Map<SlotType, Set<String>> tagLeads = new EnumMap<>(SlotType.class);
        Double matchFloor;
        Double ambiguousEntity;
        Double entityNotFound;
        Double freeTextDocument;
        final Set<String> dropWords = new LinkedHashSet<>();
        final Set<String> documentNeverFirst = new LinkedHashSet<>();
        final Set<String> documentNeverLast = new LinkedHashSet<>();
        final Map<String, Set<String>> kinds = new LinkedHashMap<>();
        final Set<String> vocabularyDropWords = new LinkedHashSet<>();
        final Map<String, Set<String>> roles = new LinkedHashMap<>();
        final Map<String, Set<String>> matterTypes = new LinkedHashMap<>();
        final Set<String> matterNouns = new LinkedHashSet<>();
        final Map<String, String> eventWords = new LinkedHashMap<>();
        Integer maxNameWords;
        final Set<String> notNames = new LinkedHashSet<>();
        final Set<String> capitals = new LinkedHashSet<>();
        final Set<String> questionWords = new LinkedHashSet<>();
        final Map<Intent, IntentDraft> intents = new EnumMap<>(Intent.class);

        void merge(String source, CatalogueFile file) {
            sources.add(source);
            if (file.version() != null && file.version() != 1) {
                throw new CatalogueException(source + ": catalogue version " + file.version() + " is not supported (only 1)");
            }
            if (file.fillers() != null) {
                addWords(source, "fillers.anywhere", file.fillers().anywhere(), anywhere);
                addWords(source, "fillers.leading", file.fillers().leading(), leading);
                addWords(source, "fillers.trailing", file.fillers().trailing(), trailing);
                addJoinWords(source, "fillers.breaks", file.fillers().breaks(), breaks);
                addJoinWords(source, "fillers.remarks", file.fillers().remarks(), remarks);
                addWords(source, "fillers.gerundAfter", file.fillers().gerundAfter(), gerundAfter);
            }
            if (file.spokenForms() != null) {
                file.spokenForms().forEach((said, meant) -> {
                    if (SpeechNormaliser.words(said).isEmpty() || meant == null || SpeechNormaliser.words(meant).isEmpty()) {
                        throw new CatalogueException(source + ": spokenForms." + said
                                + " must be words said for one or more words meant: " + meant);
                    }
                    spokenForms.put(String.join(" ", SpeechNormaliser.words(said)), meant);
                });
            }
            if (file.needs() != null) {
                addWords(source, "needs.openers", file.needs().openers(), needOpeners);
                addPhrases(source, "needs.participles", file.needs().participles(), participles);
                addPhrases(source, "needs.things", file.needs().things(), neededThings);
                addJoinWords(source, "needs.delegatedVerbs", file.needs().delegatedVerbs(), delegatedVerbs);
                addJoinWords(source, "needs.delegators", file.needs().delegators(), delegators);
                addPhrases(source, "needs.askedAfter", file.needs().askedAfter(), askedAfter);
                addWords(source, "needs.pointers", file.needs().pointers(), pointers);
                addWords(source, "needs.corrections", file.needs().corrections(), corrections);
                addWords(source, "needs.notCorrections", file.needs().notCorrections(), notCorrections);
                addPhrases(source, "needs.verbs", file.needs().verbs(), verbs);
                if (file.needs().headings() != null) { // "check conflicts:" is a heading only when typed so
                    Map<String, String> said = new LinkedHashMap<>();
                    Map<String, String> typed = new LinkedHashMap<>();
                    file.needs().headings().forEach((h, r) -> (h != null && h.strip().endsWith(":") ? typed : said).put(h, r));
                    addPhrases(source, "needs.headings", said, headings);
                    addPhrases(source, "needs.headings", typed, typedHeadings);
                }
                addByType(source, "needs.tagLeads", file.needs().tagLeads(), Set.of(SlotType.DATE, SlotType.PERSON),
                        "only a date or a person typed apart has leading words", false, tagLeads);
                addWords(source, "needs.appointments", file.needs().appointments(), appointments);
                addWords(source, "needs.afterOpening", file.needs().afterOpening(), afterOpening);
                addWords(source, "needs.delegatedAfter", file.needs().delegatedAfter(), delegatedAfter);
            }
            CatalogueFile.CaseResolution cr = file.caseResolution();
            if (cr != null) {
                minScore = cr.minScore() != null ? cr.minScore() : minScore;
                margin = cr.margin() != null ? cr.margin() : margin;
                candidates = cr.candidates() != null ? cr.candidates() : candidates;
                addWords(source, "caseResolution.ignoreWords", cr.ignoreWords(), ignoreWords);
                addWords(source, "caseResolution.neverFirst", cr.neverFirst(), neverFirst);
                addByType(source, "caseResolution.joins", cr.joins(), Set.of(SlotType.DOCUMENT, SlotType.EVENT),
                        "a case is joined to a document or an event phrase only (free text: textJoins)", true, joins);
                addJoinWords(source, "caseResolution.leadingJoins", cr.leadingJoins(), leadingJoins);
                addJoinWords(source, "caseResolution.textFrontJoins", cr.textFrontJoins(), textFrontJoins);
                addJoinWords(source, "caseResolution.neverLast", cr.neverLast(), neverLast);
                addJoinWords(source, "caseResolution.describing", cr.describing(), describing);
                addJoinWords(source, "caseResolution.subjectVerbs", cr.subjectVerbs(), subjectVerbs);
                if (cr.textFront() != null) {
                    for (String id : cr.textFront()) {
                        try {
                            textFront.add(Intent.fromId(id));
                        } catch (IllegalArgumentException e) {
                            throw new CatalogueException(source + ": caseResolution.textFront: unknown intent '" + id + "'");
                        }
                    }
                }
                if (cr.textJoins() != null) {
                    cr.textJoins().forEach((id, words) -> {
                        Intent intent;
                        try {
                            intent = Intent.fromId(id);
                        } catch (IllegalArgumentException e) {
                            throw new CatalogueException(source + ": caseResolution.textJoins: unknown intent '" + id + "'");
                        }
                        addJoinWords(source, "caseResolution.textJoins." + id, words,
                                textJoins.computeIfAbsent(intent, k -> new LinkedHashSet<>()));
                    });
                }
            }
            CatalogueFile.Confidence c = file.confidence();
            if (c != null) {
                matchFloor = c.matchFloor() != null ? c.matchFloor() : matchFloor;
                ambiguousEntity = c.ambiguousEntity() != null ? c.ambiguousEntity() : ambiguousEntity;
                entityNotFound = c.entityNotFound() != null ? c.entityNotFound() : entityNotFound;
                freeTextDocument = c.freeTextDocument() != null ? c.freeTextDocument() : freeTextDocument;
            }
            if (file.documents() != null) {
                addWords(source, "documents.dropWords", file.documents().dropWords(), dropWords);
                addWords(source, "documents.neverFirst", file.documents().neverFirst(), documentNeverFirst);
                addJoinWords(source, "documents.neverLast", file.documents().neverLast(), documentNeverLast);
                if (file.documents().kinds() != null) {
                    file.documents().kinds().forEach((kind, synonyms) -> {
                        Set<String> all = kinds.computeIfAbsent(kind, k -> new LinkedHashSet<>());
                        addWords(source, "documents.kinds." + kind, synonyms, all);
                    });
                }
            }
            CatalogueFile.Vocabularies v = file.vocabularies();
            if (v != null) {
                addWords(source, "vocabularies.dropWords", v.dropWords(), vocabularyDropWords);
                addValues(source, "vocabularies.role", v.role(), roles);
                addValues(source, "vocabularies.matter_type", v.matterType(), matterTypes);
                addJoinWords(source, "vocabularies.matterNouns", v.matterNouns(), matterNouns);
                if (v.eventWords() != null) {
                    v.eventWords().forEach((said, written) -> {
                        if (said == null || written == null || SpeechNormaliser.words(said).size() != 1
                                || SpeechNormaliser.words(written).isEmpty()) {
                            throw new CatalogueException(source + ": vocabularies.eventWords must map one word said to"
                                    + " the words written: " + said + ": " + written);
                        }
                        eventWords.put(SpeechNormaliser.words(said).get(0), String.join(" ", SpeechNormaliser.words(written)));
                    });
                }
            }
            CatalogueFile.Persons p = file.persons();
            if (p != null) {
                maxNameWords = p.maxWords() != null ? p.maxWords() : maxNameWords;
                addWords(source, "persons.notNames", p.notNames(), notNames);
                addWords(source, "persons.capitals", p.capitals(), capitals);
            }
            if (file.slotFirst() != null) {
                addJoinWords(source, "slotFirst.questions", file.slotFirst().questions(), questionWords);
            }
            if (file.intents() != null) {
                file.intents().forEach((id, entry) -> mergeIntent(source, id, entry));
            }
        }

        private void mergeIntent(String source, String id, CatalogueFile.IntentEntry entry) {
            Intent intent;
            try {
                intent = Intent.fromId(id);
            } catch (IllegalArgumentException e) {
                throw new CatalogueException(source + ": unknown intent '" + id + "'; the catalogue's intents are "
                        + Arrays.stream(Intent.values()).map(Intent::id).collect(Collectors.joining(", ")));
            }
            if (intent == Intent.UNKNOWN) {
                throw new CatalogueException(source + ": intent unknown takes no patterns: it is what matches nothing");
            }
            if (entry == null) {
                return;
            }
            IntentDraft draft = intents.computeIfAbsent(intent, i -> new IntentDraft());
            if (entry.slots() != null) {
                entry.slots().forEach((name, slot) -> draft.slots.put(name, new SourcedSlot(source, slot)));
            }
            addPatterns(source, id, entry.patterns(), false, draft);
            addPatterns(source, id, entry.vocabularyPatterns(), true, draft);
            if (entry.examples() != null) {
                entry.examples().stream().filter(Objects::nonNull).forEach(draft.examples::add);
            }
            if (entry.cues() != null) {
                for (String cue : entry.cues()) {
                    if (cue == null || SpeechNormaliser.words(cue).isEmpty()) {
                        throw new CatalogueException(source + ": intent " + id + " has a cue with no word in it: " + cue);
                    }
                    draft.cues.add(new Sourced(source, cue, false));
                }
            }
        }

        private static void addPatterns(String source, String id, List<String> patterns, boolean vocabularyOnly,
                                        IntentDraft draft) {
            if (patterns == null) {
                return;
            }
            for (String p : patterns) {
                if (p == null || p.isBlank()) {
                    throw new CatalogueException(source + ": intent " + id + " has an empty pattern");
                }
                if (draft.patterns.stream().noneMatch(s -> s.text().equals(p))) {
                    draft.patterns.add(new Sourced(source, p, vocabularyOnly));
                }
            }
        }

        private static void addValues(String source, String field, Map<String, List<String>> values,
                                      Map<String, Set<String>> into) {
            if (values != null) {
                values.forEach((value, phrases) -> addWords(source, field + "." + value, phrases,
                        into.computeIfAbsent(value, k -> new LinkedHashSet<>())));
            }
        }

        /** A join is compared with one word of the phrase, so it must be one word. */
        /** Words listed by slot type, for the types {@code allowed} only ({@code why} says which those are). */
        private static void addByType(String source, String field, Map<String, List<String>> byType,
                                      Set<SlotType> allowed, String why, boolean singleWords,
                                      Map<SlotType, Set<String>> into) {
            if (byType == null) {
                return;
            }
            byType.forEach((type, words) -> {
                SlotType slotType = SlotType.fromId(type).filter(allowed::contains)
                        .orElseThrow(() -> new CatalogueException(source + ": " + field + "." + type + ": " + why));
                Set<String> set = into.computeIfAbsent(slotType, k -> new LinkedHashSet<>());
                if (singleWords) {
                    addJoinWords(source, field + "." + type, words, set);
                } else {
                    addWords(source, field + "." + type, words, set);
                }
            });
        }

        private static void addJoinWords(String source, String field, List<String> words, Set<String> into) {
            if (words == null) {
                return;
            }
            for (String w : words) {
                if (w == null || SpeechNormaliser.words(w).size() != 1) {
                    throw new CatalogueException(source + ": " + field + " must list single words: " + w);
                }
                into.add(SpeechNormaliser.words(w).get(0));
            }
        }

        private static void addWords(String source, String field, List<String> words, Set<String> into) {
            if (words == null) {
                return;
            }
            for (String w : words) {
                if (w == null || SpeechNormaliser.words(w).isEmpty()) {
                    throw new CatalogueException(source + ": " + field + " has an entry with no word in it: " + w);
                }
                into.add(w);
            }
        }

        IntentCatalogue compile() {
            String all = String.join(" + ", sources);
            SpeechNormaliser normaliser = new SpeechNormaliser(List.copyOf(anywhere), List.copyOf(leading),
                    List.copyOf(trailing), spokenForms);
            CaseResolutionPolicy caseResolution;
            ConfidencePolicy confidence;
            DocumentVocabulary documents;
            SlotReader.Vocabularies vocabularies;
            try {
                caseResolution = new CaseResolutionPolicy(required(all, "caseResolution.minScore", minScore),
                        required(all, "caseResolution.margin", margin),
                        required(all, "caseResolution.candidates", candidates),
                        ignoreWords.stream().flatMap(w -> SpeechNormaliser.words(w).stream()).collect(Collectors.toSet()),
                        neverFirst.stream().flatMap(w -> SpeechNormaliser.words(w).stream()).collect(Collectors.toSet()),
                        joins, textJoins, leadingJoins, textFront, textFrontJoins, neverLast, describing,
                        subjectVerbs);
                confidence = new ConfidencePolicy(required(all, "confidence.matchFloor", matchFloor),
                        required(all, "confidence.ambiguousEntity", ambiguousEntity),
                        required(all, "confidence.entityNotFound", entityNotFound),
                        required(all, "confidence.freeTextDocument", freeTextDocument));
                Map<String, List<String>> kindLists = new LinkedHashMap<>();
                kinds.forEach((k, v) -> kindLists.put(k, List.copyOf(v)));
                documents = new DocumentVocabulary(
                        dropWords, // phrases stay whole: "copy of" drops no "of" from "bill of lading"
                        documentNeverFirst.stream().flatMap(w -> SpeechNormaliser.words(w).stream()).collect(Collectors.toSet()),
                        documentNeverLast, kindLists);
                Set<String> vocabularyDrop = vocabularyDropWords.stream()
                        .flatMap(w -> SpeechNormaliser.words(w).stream()).collect(Collectors.toSet());
                int maxWords = maxNameWords == null ? 4 : maxNameWords;
                if (maxWords < 1) {
                    throw new IllegalArgumentException("persons.maxWords must be at least 1: " + maxWords);
                }
                vocabularies = new SlotReader.Vocabularies(documents,
                        new PhraseVocabulary("vocabularies.role", vocabularyDrop, lists(roles)),
                        new PhraseVocabulary("vocabularies.matter_type", vocabularyDrop, lists(matterTypes)),
                        Set.copyOf(matterNouns),
                        notNames.stream().flatMap(w -> SpeechNormaliser.words(w).stream()).collect(Collectors.toSet()),
                        maxWords, capitals.stream().flatMap(w -> SpeechNormaliser.words(w).stream()).collect(Collectors.toSet()),
                        Map.copyOf(eventWords));
            } catch (IllegalArgumentException e) {
                throw new CatalogueException(all + ": " + e.getMessage(), e);
            }
            Map<Intent, IntentDefinition> definitions = new EnumMap<>(Intent.class);
            intents.forEach((intent, draft) -> {
                IntentDefinition d = compileIntent(intent, draft, normaliser);
                if (!d.patterns().isEmpty()) {
                    definitions.put(intent, d);
                }
            });
            checkCuesNameOneIntent(definitions);
            textJoins.keySet().forEach(intent -> {
                if (!takesCaseOffText(definitions.get(intent))) {
                    throw new CatalogueException(all + ": caseResolution.textJoins." + intent.id()
                            + ": the intent needs a text slot and a case slot for a case to be taken off its text");
                }
            });
            textFront.forEach(intent -> {
                if (!takesCaseOffText(definitions.get(intent))) {
                    throw new CatalogueException(all + ": caseResolution.textFront: " + intent.id()
                            + ": the intent needs a text slot and a case slot for a case to be taken off its text");
                }
            });
            return new IntentCatalogue(sources, normaliser, caseResolution, confidence, documents, vocabularies,
                    definitions, breaks, remarks, gerundAfter.stream().map(SpeechNormaliser::words).toList(),
                    new NeedPhrasing(needOpeners.stream().map(SpeechNormaliser::words).toList(), phrases(participles),
                            phrases(neededThings), delegators, delegatedVerbs,
                            delegatedAfter.stream().map(SpeechNormaliser::words).toList(), phrases(askedAfter),
                            pointers.stream().map(SpeechNormaliser::words).toList(),
                            corrections.stream().map(SpeechNormaliser::words).toList(),
                            notCorrections.stream().map(SpeechNormaliser::words).toList(), phrases(verbs),
                            phrases(headings), phrases(typedHeadings), leadPhrases(tagLeads),
                            appointments.stream().map(SpeechNormaliser::words).toList(),
                            afterOpening.stream().map(SpeechNormaliser::words).toList()),
                    questionWords);
        }

        private static void addPhrases(String source, String field, Map<String, String> said, Map<String, String> into) {
            if (said == null) {
                return;
            }
            said.forEach((from, to) -> {
                if (from == null || to == null || SpeechNormaliser.words(from).isEmpty() || SpeechNormaliser.words(to).isEmpty()) {
                    throw new CatalogueException(source + ": " + field + " has an entry with no word in it: " + from + ": " + to);
                }
                into.put(from, to);
            });
        }

        private static Map<List<String>, List<String>> phrases(Map<String, String> said) {
            Map<List<String>, List<String>> out = new LinkedHashMap<>();
            said.forEach((from, to) -> out.put(SpeechNormaliser.words(from), SpeechNormaliser.words(to)));
            return out;
        }

        private static Map<SlotType, List<List<String>>> leadPhrases(Map<SlotType, Set<String>> leads) {
            Map<SlotType, List<List<String>>> out = new EnumMap<>(SlotType.class);
            leads.forEach((type, phrases) -> out.put(type, phrases.stream().map(SpeechNormaliser::words).toList()));
            return out;
        }

        private static boolean takesCaseOffText(IntentDefinition d) {
            return d != null && d.slotOf(SlotType.TEXT).isPresent() && d.slotOf(SlotType.CASE).isPresent();
        }

        private static Map<String, List<String>> lists(Map<String, Set<String>> values) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, List.copyOf(v)));
            return out;
        }

        private static <T> T required(String sources, String field, T value) {
            if (value == null) {
                throw new CatalogueException(sources + ": " + field + " is not set in any catalogue file");
            }
            return value;
        }

        private static IntentDefinition compileIntent(Intent intent, IntentDraft draft, SpeechNormaliser normaliser) {
            Map<String, SlotSpec> slots = new LinkedHashMap<>();
            draft.slots.forEach((name, sourced) -> slots.put(name, slotSpec(intent, name, sourced)));
            List<PhrasePattern> patterns = new ArrayList<>();
            for (Sourced p : draft.patterns) {
                String where = p.source() + ": intent " + intent.id() + ", pattern \"" + p.text() + "\": ";
                PhrasePattern pattern;
                try {
                    pattern = PhrasePattern.compile(p.text(),
                            name -> slots.containsKey(name) && slots.get(name).type().bounded(),
                            name -> slots.containsKey(name) && slots.get(name).type().inPieces());
                    if (p.vocabularyOnly()) {
                        if (pattern.slotNames().stream().noneMatch(n -> slots.containsKey(n)
                                && (slots.get(n).type() == SlotType.DOCUMENT || slots.get(n).type() == SlotType.CASE))) {
                            throw new CatalogueException(where
                                    + "is listed under vocabularyPatterns but has no document or case slot");
                        }
                        pattern = pattern.vocabularyOnly();
                    }
                } catch (PatternSyntaxError e) {
                    throw new CatalogueException(where + e.getMessage(), e);
                }
                for (String slot : pattern.slotNames()) {
                    if (!slots.containsKey(slot)) {
                        throw new CatalogueException(where + "slot {" + slot + "} is not declared; intent "
                                + intent.id() + " declares " + (slots.isEmpty() ? "no slots" : slots.keySet()));
                    }
                }
                for (SlotSpec slot : slots.values()) {
                    if (!slot.optional() && pattern.isSlotOptional(slot.name())) {
                        throw new CatalogueException(where + "slot {" + slot.name()
                                + "} is required, so every way through the pattern must capture it");
                    }
                }
                for (String word : pattern.literalWords()) {
                    if (normaliser.isDroppedEverywhere(word)) {
                        throw new CatalogueException(where + "'" + word
                                + "' is a filler removed from speech before matching, so the pattern could never match");
                    }
                    if (normaliser.isRewritten(word)) {
                        throw new CatalogueException(where + "'" + word
                                + "' is a spoken form rewritten before matching (spokenForms): write what it stands for");
                    }
                }
                patterns.add(pattern);
            }
            return new IntentDefinition(intent, slots, patterns, draft.examples, cues(intent, draft, normaliser));
        }

        /** A cue is matched with the normalised words, so none of its words may be dropped or rewritten before. */
        private static List<List<String>> cues(Intent intent, IntentDraft draft, SpeechNormaliser normaliser) {
            List<List<String>> cues = new ArrayList<>();
            for (Sourced cue : draft.cues) {
                for (String word : SpeechNormaliser.words(cue.text())) {
                    if (normaliser.isDroppedEverywhere(word) || normaliser.isRewritten(word)) {
                        throw new CatalogueException(cue.source() + ": intent " + intent.id() + ", cue \"" + cue.text()
                                + "\": '" + word + "' is a filler or a spoken form, so the cue could never be heard");
                    }
                }
                List<String> words = SpeechNormaliser.words(cue.text());
                if (!cues.contains(words)) {
                    cues.add(words);
                }
            }
            return cues;
        }

        /** A cue says one intent: the same words under two would only ever tie. */
        private void checkCuesNameOneIntent(Map<Intent, IntentDefinition> definitions) {
            Map<List<String>, Intent> owner = new LinkedHashMap<>();
            definitions.values().forEach(d -> d.cues().forEach(cue -> {
                Intent other = owner.putIfAbsent(cue, d.intent());
                if (other != null) {
                    throw new CatalogueException(String.join(" + ", sources) + ": cue \"" + String.join(" ", cue)
                            + "\" is listed for both " + other.id() + " and " + d.intent().id());
                }
            }));
        }

        private static SlotSpec slotSpec(Intent intent, String name, SourcedSlot sourced) {
            String where = sourced.source() + ": intent " + intent.id() + ", slot " + name + ": ";
            CatalogueFile.SlotEntry e = sourced.entry();
            if (e == null || e.type() == null) {
                throw new CatalogueException(where + "needs a type");
            }
            SlotType type = SlotType.fromId(e.type()).orElseThrow(() -> new CatalogueException(where + "unknown type '"
                    + e.type() + "'; known types are " + Arrays.stream(SlotType.values()).map(SlotType::id).toList()));
            boolean fromContext = Boolean.TRUE.equals(e.fromContext());
            if (fromContext && type != SlotType.CASE) {
                throw new CatalogueException(where + "only a case slot can be taken from the conversation's context");
            }
            List<String> dropFirst = e.dropFirst() == null ? List.of() : e.dropFirst();
            if (!dropFirst.isEmpty() && type != SlotType.TEXT) {
                throw new CatalogueException(where + "only a text slot can drop phrases from its front");
            }
            if (dropFirst.stream().anyMatch(d -> d == null || SpeechNormaliser.words(d).isEmpty())) {
                throw new CatalogueException(where + "dropFirst has an entry with no word in it");
            }
            List<String> endsBefore = e.endsBefore() == null ? List.of() : e.endsBefore();
            if (!endsBefore.isEmpty() && type != SlotType.TEXT) {
                throw new CatalogueException(where + "only a text slot can end before a word");
            }
            if (endsBefore.stream().anyMatch(w -> w == null || SpeechNormaliser.words(w).size() != 1)) {
                throw new CatalogueException(where + "endsBefore takes single words");
            }
            return new SlotSpec(name, type, Boolean.TRUE.equals(e.optional()), fromContext,
                    dropFirst.stream().map(Draft::dropPhrase).toList(),
                    endsBefore.stream().map(w -> SpeechNormaliser.words(w).get(0)).collect(Collectors.toSet()));
        }

        /** A dropFirst entry's words; "..." between two of them stands for a few words ("a ... named"). */
        private static List<String> dropPhrase(String entry) {
            List<String> words = new ArrayList<>();
            String[] parts = entry.split("\\.\\.\\.", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    words.add(SlotSpec.GAP);
                }
                words.addAll(SpeechNormaliser.words(parts[i]));
            }
            return words;
        }
    }
}
