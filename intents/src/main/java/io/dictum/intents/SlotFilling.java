package io.dictum.intents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dictum's own slot readers for the fallback stages, which know an intent but not where its slots are. The offline
 * classifier has only the utterance: {@link #scan} looks for values whose type has a grammar or a vocabulary (dates,
 * durations, document kinds, roles...) and for a case name among the words no pattern uses. A language model names
 * the values: {@link #validate} reads each one as its type, exactly as a pattern's slot would be read. Either way a
 * required slot that cannot be read gives no answer at all, so a fallback never turns into a changing command with
 * invented content; a case reference that fits several cases is reported unresolved, so the caller asks back.
 */
public final class SlotFilling {

    /** A slot as the catalogue declares it, for describing an intent to a model. */
    public record Slot(String name, String type, boolean optional, boolean fromContext) {
    }

    private static final Pattern LITERAL = Pattern.compile("\\{[^}]*}|([\\p{L}\\p{N}']+)");

    /** Types read by scanning: a date, a role, a document kind can be recognised wherever they are said. */
    private static final List<SlotType> SCANNED_FIRST = List.of(SlotType.PERIOD, SlotType.DATE, SlotType.TIME,
            SlotType.DURATION, SlotType.NUMBER, SlotType.ROLE, SlotType.MATTER_TYPE, SlotType.DOCUMENT);

    /** A scanned case reference is at most this many words ("johnson versus acme"). */
    private static final int MAX_CASE_WORDS = 3;

    private final IntentCatalogue catalogue;
    /** The literal words of every pattern plus the vocabularies' words: never taken for a case name. */
    private final Set<String> commandWords = new HashSet<>();

    public SlotFilling(IntentCatalogue catalogue) {
        this.catalogue = catalogue;
        for (IntentDefinition definition : catalogue.definitions().values()) {
            for (PhrasePattern pattern : definition.patterns()) {
                Matcher m = LITERAL.matcher(pattern.source());
                while (m.find()) {
                    if (m.group(1) != null) {
                        commandWords.addAll(SpeechNormaliser.words(m.group(1)));
                    }
                }
            }
        }
        commandWords.addAll(catalogue.vocabularies().notNames());
        commandWords.addAll(catalogue.caseResolution().ignoreWords());
        commandWords.remove("versus"); // "johnson versus acme" is a case name
        commandWords.remove("v");
    }

    public IntentCatalogue catalogue() {
        return catalogue;
    }

    /** The slots the catalogue declares for an intent, in declaration order. */
    public List<Slot> slots(Intent intent) {
        IntentDefinition definition = catalogue.definitions().get(intent);
        if (definition == null) {
            return List.of();
        }
        return definition.slots().values().stream()
                .map(s -> new Slot(s.name(), s.type().id(), s.optional(), s.fromContext())).toList();
    }

    /**
     * Reads the intent's slots from the utterance's words without a pattern. Empty when a required slot cannot be read
     * (free text, a name: only a pattern knows where they begin and end).
     */
    public Optional<Interpretation> scan(Intent intent, Utterance utterance, EntityResolver resolver,
                                         double confidence, List<Alternative> alternatives,
                                         InterpretationSource source) {
        return scan(intent, utterance, resolver, confidence, alternatives, source, Map.of());
    }

    /**
     * As {@link #scan(Intent, Utterance, EntityResolver, double, List, InterpretationSource)}, and a free-text slot
     * with cue words ({@code search.query: [for, about]}) takes the words after the last cue said, up to a value of
     * another slot: "find anything that mentions spoliation" searches "spoliation". Only an intent that changes no data
     * is given cues: a note or a task with a guessed cut is worse than none.
     *
     * @param cues cue words by {@code intent.slot}
     */
    public Optional<Interpretation> scan(Intent intent, Utterance utterance, EntityResolver resolver,
                                         double confidence, List<Alternative> alternatives,
                                         InterpretationSource source, Map<String, List<String>> cues) {
        IntentDefinition definition = catalogue.definitions().get(intent);
        List<Token> tokens = catalogue.normaliser().tokens(utterance.text());
        if (definition == null || tokens.isEmpty()) {
            return Optional.empty();
        }
        SlotReader reader = new SlotReader(tokens, utterance.referenceTime().toLocalDate(), catalogue.vocabularies());
        boolean[] claimed = new boolean[tokens.size()];
        Map<String, String> slots = new LinkedHashMap<>();
        Map<String, List<EntityMatch>> unresolved = new LinkedHashMap<>();
        for (SlotType type : SCANNED_FIRST) {
            for (SlotSpec spec : definition.slots().values()) {
                if (spec.type() == type) {
                    scanTyped(spec, tokens, reader, claimed, slots, unresolved);
                }
            }
        }
        for (SlotSpec spec : definition.slots().values()) {
            if (spec.type() == SlotType.CASE) {
                scanCase(spec, tokens, claimed, resolver, slots, unresolved);
            }
        }
        if (!intent.changesData()) {
            for (SlotSpec spec : definition.slots().values()) {
                List<String> cue = cues.get(intent.id() + "." + spec.name());
                if (spec.type() == SlotType.TEXT && cue != null) {
                    textAfterCue(spec, tokens, claimed, cue, slots);
                }
            }
        }
        return finish(definition, utterance, slots, unresolved, confidence, alternatives, source);
    }

    /**
     * Reads the values a model named, each as its slot's type. Empty when a slot is not the intent's, a value is no
     * value of its type, a case or person is named with words the user did not say, or a required slot is missing.
     */
    public Optional<Interpretation> validate(Intent intent, Map<String, String> values, Utterance utterance,
                                             EntityResolver resolver, double confidence,
                                             InterpretationSource source) {
        IntentDefinition definition = catalogue.definitions().get(intent);
        if (definition == null) {
            return Optional.empty();
        }
        Set<String> said = new HashSet<>(catalogue.normaliser().tokens(utterance.text()).stream().map(Token::text).toList());
        Map<String, String> slots = new LinkedHashMap<>();
        Map<String, List<EntityMatch>> unresolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            SlotSpec spec = definition.slots().get(entry.getKey());
            if (spec == null) {
                return Optional.empty();
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                continue;
            }
            List<Token> tokens = catalogue.normaliser().tokens(entry.getValue());
            if (tokens.isEmpty()) {
                continue;
            }
            List<String> words = tokens.stream().map(Token::text).toList();
            SlotReader reader = new SlotReader(tokens, utterance.referenceTime().toLocalDate(), catalogue.vocabularies());
            switch (spec.type()) {
                case CASE -> {
                    List<String> reference = words.stream()
                            .filter(w -> !catalogue.caseResolution().ignoreWords().contains(w)).toList();
                    if (reference.isEmpty() || !said.containsAll(reference)) {
                        return Optional.empty();
                    }
                    resolveCase(spec, String.join(" ", reference), resolver, new HashMap<>(), slots, unresolved);
                }
                case DOCUMENT -> {
                    Optional<DocumentVocabulary.Normalised> document = catalogue.documents().normalise(words);
                    if (document.isEmpty()) {
                        return Optional.empty();
                    }
                    slots.put(spec.name(), document.get().value());
                }
                case TEXT -> slots.put(spec.name(), Token.said(spec.value(tokens)));
                case EVENT -> {
                    Optional<SlotValue> event = reader.readWords(SlotType.EVENT, tokens);
                    if (event.isEmpty()) {
                        return Optional.empty();
                    }
                    slots.put(spec.name(), event.get().value());
                }
                default -> {
                    if (spec.type() == SlotType.PERSON && !said.containsAll(words)) {
                        return Optional.empty();
                    }
                    Optional<SlotValue> read = reader.read(spec.type(), 0, tokens.size());
                    if (read.isEmpty()) {
                        return Optional.empty();
                    }
                    if (read.get().valid()) {
                        slots.put(spec.name(), read.get().value());
                    } else {
                        unresolved.put(spec.name(), List.of());
                    }
                }
            }
        }
        return finish(definition, utterance, slots, unresolved, confidence, List.of(), source);
    }

    private static Optional<Interpretation> finish(IntentDefinition definition, Utterance utterance,
                                                   Map<String, String> slots, Map<String, List<EntityMatch>> unresolved,
                                                   double confidence, List<Alternative> alternatives,
                                                   InterpretationSource source) {
        for (SlotSpec spec : definition.slots().values()) {
            boolean read = slots.containsKey(spec.name()) || unresolved.containsKey(spec.name());
            if (!read && spec.fromContext() && utterance.contextCaseId().isPresent()) {
                slots.put(spec.name(), utterance.contextCaseId().get());
                read = true;
            }
            if (!read && !spec.optional()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Interpretation(definition.intent(), slots, Math.round(confidence * 1000) / 1000.0,
                alternatives, unresolved, source));
    }

    /**
     * The words after the last cue word, up to the first word another slot took or a case noun phrase ("in the Miller
     * case"); articles in front dropped. Nothing when no cue is said or nothing follows it.
     */
    private void textAfterCue(SlotSpec spec, List<Token> tokens, boolean[] claimed, List<String> cue,
                              Map<String, String> slots) {
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!claimed[i] && cue.contains(tokens.get(i).text())) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        int end = last + 1;
        while (end < tokens.size() && !claimed[end] && !CASE_JOINS.contains(tokens.get(end).text())) {
            end++;
        }
        int start = last + 1;
        while (start < end && ARTICLES.contains(tokens.get(start).text())) {
            start++;
        }
        if (start < end) {
            slots.put(spec.name(), Token.said(tokens.subList(start, end)));
        }
    }

    /** Words that join a case to what comes before it ("... in the Miller case"): free text after a cue ends there. */
    private static final Set<String> CASE_JOINS = Set.of("in", "on");
    private static final Set<String> ARTICLES = Set.of("any", "anything", "everything", "all");

    /** The longest unclaimed span that reads as the slot's type; a time only after "at" ("at ten", not "ten"). */
    private void scanTyped(SlotSpec spec, List<Token> tokens, SlotReader reader, boolean[] claimed,
                           Map<String, String> slots, Map<String, List<EntityMatch>> unresolved) {
        int n = tokens.size();
        for (int length = Math.min(n, reader.maxWords(spec.type())); length >= 1; length--) {
            for (int start = 0; start + length <= n; start++) {
                if (anyClaimed(claimed, start, start + length)
                        || (spec.type() == SlotType.TIME && (start == 0 || !tokens.get(start - 1).text().equals("at")))) {
                    continue;
                }
                Optional<SlotValue> value = spec.type() == SlotType.DOCUMENT
                        ? catalogue.documents().normalise(tokens.subList(start, start + length).stream().map(Token::text).toList())
                                .filter(DocumentVocabulary.Normalised::known).map(d -> SlotValue.of(d.value()))
                        : reader.read(spec.type(), start, start + length);
                if (value.isEmpty() || (value.get().valid() && value.get().value().isEmpty())) {
                    continue;
                }
                if (value.get().valid()) {
                    slots.put(spec.name(), value.get().value());
                } else {
                    unresolved.put(spec.name(), List.of());
                }
                for (int i = start; i < start + length; i++) {
                    claimed[i] = true;
                }
                return;
            }
        }
    }

    /**
     * A case named among the words no pattern or vocabulary uses: each run of such words, and its shorter pieces, is
     * looked up. The best-scoring piece that settles a case wins, unless another piece settles a different case almost
     * as well (within the policy's margin): then both are asked back, so that talk around the name ("let me see")
     * can never pick a case of its own. With nothing settled, the first piece that fits several cases is asked back.
     */
    private void scanCase(SlotSpec spec, List<Token> tokens, boolean[] claimed, EntityResolver resolver,
                          Map<String, String> slots, Map<String, List<EntityMatch>> unresolved) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            String w = i < tokens.size() ? tokens.get(i).text() : null;
            if (w != null && !claimed[i] && !commandWords.contains(w)) {
                run.add(w);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        CaseResolutionPolicy policy = catalogue.caseResolution();
        Map<String, List<EntityMatch>> lookups = new HashMap<>();
        Map<String, List<EntityMatch>> ambiguous = new LinkedHashMap<>();
        Map<String, EntityMatch> settled = new LinkedHashMap<>(); // the best settling match per case id
        for (List<String> words : runs) {
            for (int length = Math.min(words.size(), MAX_CASE_WORDS); length >= 1; length--) {
                for (int start = 0; start + length <= words.size(); start++) {
                    String reference = String.join(" ", words.subList(start, start + length));
                    Map<String, String> found = new LinkedHashMap<>();
                    Map<String, List<EntityMatch>> open = new LinkedHashMap<>();
                    resolveCase(spec, reference, resolver, lookups, found, open);
                    if (!found.isEmpty()) {
                        String id = found.get(spec.name());
                        lookups.get(reference).stream().filter(m -> m.id().equals(id)).findFirst()
                                .ifPresent(m -> settled.merge(id, m, (a, b) -> a.score() >= b.score() ? a : b));
                    } else if (!open.get(spec.name()).isEmpty() && ambiguous.isEmpty()) {
                        ambiguous.putAll(open);
                    }
                }
            }
        }
        if (!settled.isEmpty()) {
            List<EntityMatch> best = settled.values().stream()
                    .sorted(java.util.Comparator.comparingDouble(EntityMatch::score).reversed()).toList();
            List<EntityMatch> close = best.stream()
                    .filter(m -> best.get(0).score() - m.score() < policy.margin() - 1e-9).toList();
            if (close.size() == 1) {
                slots.put(spec.name(), close.get(0).id());
            } else {
                unresolved.put(spec.name(), close);
            }
            return;
        }
        unresolved.putAll(ambiguous);
    }

    private void resolveCase(SlotSpec spec, String reference, EntityResolver resolver,
                             Map<String, List<EntityMatch>> lookups, Map<String, String> slots,
                             Map<String, List<EntityMatch>> unresolved) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        List<EntityMatch> matches = lookups.computeIfAbsent(reference, r -> {
            List<EntityMatch> found = resolver.cases(r, policy.candidates());
            return found == null ? List.of() : List.copyOf(found);
        });
        CaseResolutionPolicy.Decision decision = policy.decide(matches);
        if (decision.resolved().isPresent()) {
            slots.put(spec.name(), decision.resolved().get().id());
        } else {
            unresolved.put(spec.name(), decision.candidates());
        }
    }

    private static boolean anyClaimed(boolean[] claimed, int from, int to) {
        for (int i = from; i < to; i++) {
            if (claimed[i]) {
                return true;
            }
        }
        return false;
    }
}
