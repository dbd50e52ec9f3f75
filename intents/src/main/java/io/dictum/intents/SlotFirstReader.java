package io.dictum.intents;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what every other stage left unknown by its values first. The values whose type has a grammar or a vocabulary
 * (periods, dates, times, durations, roles, matter types, document kinds the vocabulary knows) are found wherever
 * they are said and taken out; the intent is then chosen from the words left, by the cues the catalogue lists per
 * intent ({@code cues:}) said where a request is said; the chosen intent's slots are read by {@link SlotFilling#scan},
 * which also finds its case.
 * Blind blocks kept showing requests whose values were all there in shapes no pattern had foreseen; this reads them
 * without a phrase per shape. It answers only when exactly one intent has the most cues, some slot of that intent was
 * said, every required slot is read (a changing intent's settled; a case that fits several is asked back about), no
 * slot could take two different values, no value tells of another request, and a change is no question. Free text is
 * never filled here: a note or a task cut by guesswork is worse than {@code unknown}.
 */
final class SlotFirstReader {

    /** A value found before any intent was chosen: its type, where it was said and what it means. */
    private record Found(SlotType type, int start, int end, String value) {
    }

    /** How many cues of an intent were heard among the words left once the values were taken out. */
    private record Heard(Intent intent, int cues) {
    }

    /**
     * Types found by their grammar or vocabulary. Each type reads the words on its own (a day is both a date and a
     * period), except that a role or a matter type is never read inside a document phrase: the "expert" of "the expert
     * report", the "closing" of "the closing disclosure".
     */
    private static final List<SlotType> FOUND_FIRST = List.of(SlotType.PERIOD, SlotType.DATE, SlotType.TIME,
            SlotType.DURATION, SlotType.DOCUMENT, SlotType.ROLE, SlotType.MATTER_TYPE);
    private static final Set<SlotType> NOT_IN_DOCUMENTS = Set.of(SlotType.ROLE, SlotType.MATTER_TYPE);

    private final IntentCatalogue catalogue;
    private final SlotFilling slots;
    /** The last word of every cue: a document kind said right after one is introduced by it. */
    private final Set<String> cueEnds = new HashSet<>();

    SlotFirstReader(IntentCatalogue catalogue) {
        this.catalogue = catalogue;
        this.slots = new SlotFilling(catalogue);
        catalogue.definitions().values().forEach(d -> d.cues().forEach(cue -> cueEnds.add(cue.get(cue.size() - 1))));
    }

    Optional<Interpretation> read(Utterance utterance, EntityResolver resolver) {
        List<Token> tokens = catalogue.normaliser().tokens(utterance.text());
        if (tokens.isEmpty() || heard(utterance.text(), tokens, List.of()).isEmpty()) {
            return Optional.empty(); // no cue said where a request is: the values need not be looked for
        }
        List<Found> found = found(tokens, utterance);
        Optional<Intent> chosen = chosen(heard(utterance.text(), tokens, found));
        if (chosen.isEmpty() || !fits(chosen.get(), found)) {
            return Optional.empty();
        }
        Intent intent = chosen.get();
        if (intent.changesData() && catalogue.questionWords().contains(tokens.get(0).text())) {
            return Optional.empty(); // "did you share the photos in Garcia" asks, and shares nothing
        }
        // read without the conversation's case first: the answer must rest on something said
        Utterance said = new Utterance(utterance.text(), Optional.empty(), utterance.referenceTime());
        Optional<Interpretation> read = slots.scan(intent, said, resolver, 1.0, List.of(), InterpretationSource.SLOTS)
                .filter(i -> !i.slots().isEmpty() || !i.unresolved().isEmpty())
                .filter(i -> settledEnough(intent, i) && readAsFound(intent, i, found));
        if (read.isEmpty() || utterance.contextCaseId().isEmpty()) {
            return read;
        }
        return slots.scan(intent, utterance, resolver, 1.0, List.of(), InterpretationSource.SLOTS);
    }

    /** Every value of the found types, each type taking its longest spans first and no word twice. */
    private List<Found> found(List<Token> tokens, Utterance utterance) {
        SlotReader reader = new SlotReader(tokens, utterance.referenceTime().toLocalDate(), catalogue.vocabularies());
        List<Found> found = new ArrayList<>();
        boolean[] documents = new boolean[tokens.size()];
        for (SlotType type : FOUND_FIRST) {
            boolean[] taken = NOT_IN_DOCUMENTS.contains(type) ? documents.clone() : new boolean[tokens.size()];
            for (int length = Math.min(tokens.size(), reader.maxWords(type)); length >= 1; length--) {
                for (int start = 0; start + length <= tokens.size(); start++) {
                    if (anyTaken(taken, start, start + length) || (type == SlotType.TIME && !afterAt(tokens, start))) {
                        continue;
                    }
                    if (type == SlotType.DOCUMENT && !introduced(tokens, start)) {
                        continue;
                    }
                    Optional<String> value = value(type, tokens, reader, start, start + length);
                    if (value.isPresent()) {
                        found.add(new Found(type, start, start + length, value.get()));
                        for (int i = start; i < start + length; i++) {
                            taken[i] = true;
                            documents[i] |= type == SlotType.DOCUMENT;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A valid, non-empty value of the type; a document only as a kind the vocabulary knows. */
    private Optional<String> value(SlotType type, List<Token> tokens, SlotReader reader, int start, int end) {
        if (type == SlotType.DOCUMENT) {
            return catalogue.documents().normalise(tokens.subList(start, end).stream().map(Token::text).toList())
                    .filter(DocumentVocabulary.Normalised::known).map(DocumentVocabulary.Normalised::value);
        }
        return reader.read(type, start, end).filter(v -> v.valid() && !v.value().isEmpty()).map(SlotValue::value);
    }

    /**
     * Whether a document phrase begins with an article or another word the vocabulary drops ("the", "a copy of"), or
     * right after a possessive ("Kowalczyk's expert report") or a cue ("draft interrogatories to the city"): a kind
     * said inside other words ("the Rivera medical providers") is no document asked about.
     */
    private boolean introduced(List<Token> tokens, int start) {
        if (start == 0 || catalogue.documents().normalise(List.of(tokens.get(start).text())).isEmpty()) {
            return true;
        }
        Token before = tokens.get(start - 1);
        return cueEnds.contains(before.text()) || before.surface().replace('’', '\'').endsWith("'s");
    }

    /** "at ten" is a time, a bare "ten" is not: the same rule as the other fallbacks' slot reading. */
    private static boolean afterAt(List<Token> tokens, int start) {
        return start > 0 && tokens.get(start - 1).text().equals("at");
    }

    /** A request that changes nothing, said last, is its cue and a few words: "what's my total on Garcia so far". */
    private static final int MAX_WORDS_AFTER_LAST_CUE = 4;

    /**
     * The intents some of whose cues were said where a request is said, with how many; a cue counts only when none of
     * its words is a word of a value found. Where a request is said: at the start of the words (after the leading
     * fillers), or at their end as said (trailing fillers included: "... log it" is a filler to the patterns and a cue
     * here). At the end, a request that changes data is its cue and a pointer ("log that", "draft one", "please share
     * it") or a cue of several words ("time me", "put that down"); one that changes nothing may have a few words after
     * its cue. A cue inside the sentence is talk about the thing: "I won't share the police report", "the client wants
     * to bill us for two hours", "opposing counsel says the deadline is Friday".
     */
    private List<Heard> heard(String said, List<Token> tokens, List<Found> found) {
        Set<String> valueWords = new HashSet<>();
        found.forEach(f -> tokens.subList(f.start(), f.end()).forEach(t -> valueWords.add(t.text())));
        List<String> first = tokens.stream().map(Token::text).toList();
        List<String> last = SpeechNormaliser.words(said);
        List<Heard> heard = new ArrayList<>();
        for (IntentDefinition definition : catalogue.definitions().values()) {
            boolean changes = definition.intent().changesData();
            int cues = (int) definition.cues().stream().filter(cue -> cue.stream().noneMatch(valueWords::contains)
                    && (begins(first, cue) || (changes ? commandAtEnd(last, cue) : nearEnd(last, cue)))).count();
            if (cues > 0) {
                heard.add(new Heard(definition.intent(), cues));
            }
        }
        return heard;
    }

    private static boolean begins(List<String> words, List<String> cue) {
        return words.size() >= cue.size() && words.subList(0, cue.size()).equals(cue);
    }

    private static boolean nearEnd(List<String> words, List<String> cue) {
        for (int start = Math.max(0, words.size() - cue.size() - MAX_WORDS_AFTER_LAST_CUE);
             start + cue.size() <= words.size(); start++) {
            if (words.subList(start, start + cue.size()).equals(cue)) {
                return true;
            }
        }
        return false;
    }

    /** The words end with the cue and a pointer (needs.pointers), or with a cue of several words. */
    private boolean commandAtEnd(List<String> words, List<String> cue) {
        if (cue.size() > 1 && ends(words, cue)) {
            return true;
        }
        for (List<String> pointer : catalogue.needs().pointers()) {
            List<String> command = new ArrayList<>(cue);
            command.addAll(pointer);
            if (ends(words, command)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ends(List<String> words, List<String> phrase) {
        return words.size() >= phrase.size() && words.subList(words.size() - phrase.size(), words.size()).equals(phrase);
    }

    /** The intent with the most cues, when no other has as many: a tie is two requests, or talk. */
    private static Optional<Intent> chosen(List<Heard> heard) {
        int most = heard.stream().mapToInt(Heard::cues).max().orElse(0);
        List<Heard> best = heard.stream().filter(h -> h.cues() == most).toList();
        return best.size() == 1 ? Optional.of(best.get(0).intent()) : Optional.empty();
    }

    /**
     * Types whose values say what a request is about: said to an intent with no place for them (nor free text that may
     * hold them), they belong to another request ("the expert report is due Friday" lists no deadlines).
     */
    private static final Set<SlotType> TELLING = Set.of(SlotType.DURATION, SlotType.DOCUMENT);
    /** The role of the party the firm acts for (SPEC): every request is for the client, so naming them tells nothing. */
    private static final String CLIENT = "client";

    /**
     * Whether the values found suit the intent: no slot of it could take two different values ("Monday ... no,
     * Tuesday" is for the correction re-reading); a value of a telling type is said only to an intent that takes one,
     * or free text; and a change is not made for a party the intent has no place for ("send the police report to
     * opposing counsel" shares nothing with the client).
     */
    private boolean fits(Intent intent, List<Found> found) {
        IntentDefinition definition = catalogue.definitions().get(intent);
        Map<SlotType, Set<String>> values = new EnumMap<>(SlotType.class);
        found.forEach(f -> values.computeIfAbsent(f.type(), t -> new HashSet<>()).add(f.value()));
        for (SlotSpec slot : definition.slots().values()) {
            if (values.getOrDefault(slot.type(), Set.of()).size() > 1) {
                return false;
            }
        }
        if (definition.slotOf(SlotType.TEXT).isPresent()) {
            return true;
        }
        boolean otherParty = intent.changesData() && definition.slotOf(SlotType.ROLE).isEmpty()
                && values.getOrDefault(SlotType.ROLE, Set.of()).stream().anyMatch(role -> !role.equals(CLIENT));
        return !otherParty && values.keySet().stream()
                .noneMatch(type -> TELLING.contains(type) && definition.slotOf(type).isEmpty());
    }

    /**
     * Never a slot said that fits nothing; a reference that fits several cases is asked back about, as the patterns
     * do ("draft a demand letter for the Johnson matter"), but an intent that changes data has every required slot
     * settled.
     */
    private boolean settledEnough(Intent intent, Interpretation read) {
        if (read.unresolved().values().stream().anyMatch(List::isEmpty)) {
            return false;
        }
        return !intent.changesData() || catalogue.definitions().get(intent).slots().values().stream()
                .noneMatch(slot -> !slot.optional() && read.unresolved().containsKey(slot.name()));
    }

    /**
     * Whether every slot of a found type holds a value found here: the slots are read again by {@link SlotFilling},
     * which knows nothing of where a document phrase begins, and "the Rivera medical providers" asks for no records.
     */
    private boolean readAsFound(Intent intent, Interpretation read, List<Found> found) {
        for (SlotSpec slot : catalogue.definitions().get(intent).slots().values()) {
            String value = read.slots().get(slot.name());
            if (value != null && FOUND_FIRST.contains(slot.type())
                    && found.stream().noneMatch(f -> f.type() == slot.type() && f.value().equals(value))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }
}
