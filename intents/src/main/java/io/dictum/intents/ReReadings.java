package io.dictum.intents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways the router reads an utterance again when its patterns did not read it as said: a correction, a typed
 * heading, a case said first, last or inside the request, the person a task is for said without "for ... to", a
 * heading, a verb said as a gerund, a request said as a need, a task delegated without "to", a remark before or after
 * the request, a request said after what it asks about, a request that points back at what was said before it, a
 * date said first, a question after a remark, a verb no pattern uses. Each takes the words apart or rewrites them, and
 * reads the result with the same patterns; the first that reads wins, in that order. All the words they rely on are
 * the catalogue's (fillers, needs, caseResolution).
 */
final class ReReadings {

    /** Reads words of one utterance with the catalogue's patterns, and looks cases up in the firm's index. */
    interface Reader {
        /** The utterance as said, before normalisation. */
        String said();

        /** Every reading of the words, best first. */
        List<Reading> readings(List<Token> words);

        /** The case the words name, when they settle exactly one and are names only. */
        Optional<String> settledCase(List<Token> words);

        /** What the words mean as a whole value of a checked type (a date, a time ...); empty when they are none. */
        Optional<SlotValue> value(SlotType type, List<Token> words);
    }

    private final IntentCatalogue catalogue;
    /** Every word a pattern can match: a gerund is read as a verb only when a pattern uses that verb. */
    private final Set<String> literalWords;

    ReReadings(IntentCatalogue catalogue) {
        this.catalogue = catalogue;
        Set<String> literals = new HashSet<>();
        catalogue.definitions().values().forEach(d -> d.patterns().forEach(p -> literals.addAll(p.literalWords())));
        this.literalWords = Set.copyOf(literals);
    }

    /**
     * The readings of the words read again, when a re-reading reads them; empty to keep the patterns' readings. A
     * correction or a typed heading is tried whenever one is said, a case said first or last whenever the best reading
     * names none, a case inside the request whenever it leaves a slot unsettled, the person a task is for whenever it
     * names none; everything else only when nothing read.
     */
    Optional<List<Reading>> reread(List<Token> tokens, List<Reading> readings, Reader reader) {
        return corrected(tokens, reader).or(() -> typedTags(readings, reader)).or(() -> typedHeading(tokens, reader))
                .or(() -> openedThen(tokens, reader)).or(() -> rereadAsSaid(tokens, readings, reader, true));
    }

    /**
     * "Open the Miller case and find the police report", "pull up Chen then start a timer": a request said right after
     * opening a case, joined by one of needs.afterOpening, is that request on that case. Taken only when the words
     * before the join open exactly one case and the words after it read as a request that takes a case and names none.
     */
    private Optional<List<Reading>> openedThen(List<Token> tokens, Reader reader) {
        for (List<String> join : catalogue.needs().afterOpening()) {
            for (int at = 2; at + join.size() < tokens.size(); at++) {
                if (!Token.texts(tokens.subList(at, at + join.size())).equals(join)) {
                    continue;
                }
                List<Reading> opened = reader.readings(tokens.subList(0, at));
                if (!settles(opened) || opened.get(0).intent() != Intent.OPEN_CASE) {
                    continue;
                }
                List<Token> rest = catalogue.normaliser().trimmed(tokens.subList(at + join.size(), tokens.size()));
                Optional<String> caseId = catalogue.definitions().get(Intent.OPEN_CASE).slotOf(SlotType.CASE)
                        .map(slot -> opened.get(0).slots().get(slot.name()));
                Optional<List<Reading>> then = caseId.flatMap(id -> withCase(readAll(rest, reader, true), id));
                if (then.isPresent() && settles(then.get())) {
                    return then;
                }
            }
        }
        return Optional.empty();
    }

    /** What sets a value apart at the end of a typed request: a comma, a semicolon, a bracket, a dash between spaces. */
    private static final Pattern TYPED_BREAK = Pattern.compile("\\s+[-–—]+\\s+|\\s*[,;()]\\s*");

    /**
     * "Add arraignment, Thompson, Monday 9:30am", "Task: subpoena the billing records, due 12/4, assign to Sarah",
     * "Log .2 Garza - email to trustee": values typed apart at the end of a request (a case, a date with or without its
     * time, the person a task is for after one of needs.tagLeads), taken off the end and given to the empty slots of
     * their types in the request the words before them read as. The last part may instead be the free text of the one
     * optional text slot that request leaves empty (a time entry's description, a timer's activity). When the words
     * before them read as nothing ("Add arraignment"), the day and time typed apart are read with them again. Taken
     * when every part finds its slot and every slot settles; otherwise the words are read as they were typed.
     */
    private Optional<List<Reading>> typedTags(List<Reading> whole, Reader reader) {
        String said = reader.said();
        List<int[]> parts = new ArrayList<>(); // [start, end) of each part between breaks
        Matcher breaks = TYPED_BREAK.matcher(said);
        int from = 0;
        while (breaks.find()) {
            parts.add(new int[] {from, breaks.start()});
            from = breaks.end();
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        parts.add(new int[] {from, said.length()});
        List<Token> last = null;
        Optional<Map<SlotType, String>> lastValues = Optional.empty();
        Deque<Map.Entry<Map<SlotType, String>, List<Token>>> before = new ArrayDeque<>(); // the other parts, in order
        int front = parts.size();
        for (int part = parts.size() - 1; part >= 1; part--) {
            List<Token> words = catalogue.normaliser().tokens(said.substring(parts.get(part)[0], parts.get(part)[1]));
            if (words.isEmpty()) {
                front = part; // "... (Kowalczyk)" ends with an empty part
                continue;
            }
            Optional<Map<SlotType, String>> values = typedValues(words, reader);
            if (last == null) {
                last = words;
                lastValues = values;
            } else if (values.isPresent() && before.stream().noneMatch(b -> overlaps(b.getKey(), values.get()))) {
                before.addFirst(Map.entry(values.get(), words));
            } else {
                break;
            }
            front = part;
        }
        if (last == null) {
            return Optional.empty();
        }
        List<Token> request = catalogue.normaliser().tokens(said.substring(0, parts.get(front - 1)[1]));
        if (request.isEmpty()) {
            return Optional.empty();
        }
        TypedParts typed = new TypedParts();
        before.forEach(b -> typed.add(b.getKey(), b.getValue()));
        List<Reading> readings = readTyped(request, reader);
        // the last part is a value when it reads as one and finds its slot, else the free text of an open text slot
        // (a fuzzy index may take "reviewing the bodycam footage" for a case): one word alone is more likely a name,
        // unless the request takes no case ("Pause timer - lunch")
        List<Token> lastWords = last;
        Optional<List<Reading>> asValue = lastValues.filter(v -> !overlaps(typed.tagged, v))
                .flatMap(v -> readTagged(request, readings, typed.with(v, lastWords), List.of(), reader));
        // text typed apart is read so only when the words as typed leave something unread, or may have taken it
        // into the case's name ("start the clock on Rivera - reviewing the footage")
        boolean readAsTyped = typed.tagged.isEmpty() && settles(whole) && !whole.get(0).spokenCase();
        boolean aName = last.size() < 2 && (readings.isEmpty() || takesCase(readings.get(0)));
        if (asValue.isPresent() || aName || readAsTyped) {
            return asValue;
        }
        return readTagged(request, readings, typed, last, reader);
    }

    private static boolean overlaps(Map<SlotType, String> values, Map<SlotType, String> more) {
        return more.keySet().stream().anyMatch(values::containsKey);
    }

    /** The values typed apart after a request, by slot type, and the words of those that gave a day or a time. */
    private static final class TypedParts {
        final Map<SlotType, String> tagged = new EnumMap<>(SlotType.class);
        final List<Token> dated = new ArrayList<>();

        void add(Map<SlotType, String> values, List<Token> words) {
            tagged.putAll(values);
            if (values.containsKey(SlotType.DATE) || values.containsKey(SlotType.TIME)) {
                dated.addAll(words);
            }
        }

        /** These and one more part, typed after them. */
        TypedParts with(Map<SlotType, String> values, List<Token> words) {
            TypedParts more = new TypedParts();
            more.tagged.putAll(tagged);
            more.dated.addAll(dated);
            more.add(values, words);
            return more;
        }
    }

    /**
     * The request's readings with the values typed apart and the text typed last, when every part finds its slot; when
     * the request reads as nothing, read again with the day and time typed apart.
     */
    private Optional<List<Reading>> readTagged(List<Token> request, List<Reading> readings, TypedParts typed,
                                               List<Token> text, Reader reader) {
        Map<SlotType, String> tagged = new EnumMap<>(typed.tagged);
        if (readings.isEmpty() && !typed.dated.isEmpty()) {
            List<Token> withDay = new ArrayList<>(request);
            withDay.addAll(typed.dated);
            readings = readTyped(withDay, reader);
            tagged.remove(SlotType.DATE);
            tagged.remove(SlotType.TIME);
        }
        // a kind of document nobody listed will do, set apart as it is ("Pull the custody evaluation - Nguyen")
        if (readings.isEmpty() || !readings.get(0).unresolved().isEmpty()) {
            return Optional.empty();
        }
        return withTags(readings, tagged, text, reader.said());
    }

    /**
     * Every reading of typed words, a heading typed first read as the request it heads; the other re-readings only when
     * the patterns read nothing (the parts typed apart bring the case), but the person a task is for ("Task: Tom to
     * pull the deed").
     */
    private List<Reading> readTyped(List<Token> words, Reader reader) {
        return typedHeading(words, reader).orElseGet(() -> {
            List<Reading> readings = reader.readings(words);
            return readings.isEmpty() ? readAll(words, reader, true)
                    : personJoined(words, readings.get(0), reader).orElse(readings);
        });
    }

    private static boolean settles(List<Reading> readings) {
        return !readings.isEmpty() && readings.get(0).evidence() >= 1 && readings.get(0).unresolved().isEmpty();
    }

    /**
     * What words typed apart give, by slot type: a case they settle, a date, a time or both ("Monday 9:30am"), the
     * person a task is for after a lead ("assign to Sarah Lindqvist"), a matter type or a party's role; empty when they
     * are none of these.
     */
    private Optional<Map<SlotType, String>> typedValues(List<Token> words, Reader reader) {
        Optional<List<Token>> person = catalogue.needs().withoutTagLead(SlotType.PERSON, words);
        if (person.isPresent()) {
            return reader.value(SlotType.PERSON, person.get()).filter(SlotValue::valid)
                    .map(v -> Map.of(SlotType.PERSON, v.value()));
        }
        // "retaliation claim", "a contract dispute": a matter type may be said with its matter noun
        List<Token> described = words.size() > 1 && catalogue.vocabularies().matterNouns()
                .contains(words.get(words.size() - 1).text()) ? words.subList(0, words.size() - 1) : words;
        for (SlotType closed : List.of(SlotType.MATTER_TYPE, SlotType.ROLE)) {
            Optional<SlotValue> value = reader.value(closed, words).filter(SlotValue::valid)
                    .or(() -> closed == SlotType.MATTER_TYPE ? reader.value(closed, described).filter(SlotValue::valid)
                            : Optional.empty());
            if (value.isPresent()) { // "New matter: Grace Albright, employment"
                return Optional.of(Map.of(closed, value.get().value()));
            }
        }
        List<Token> dated = catalogue.needs().withoutTagLead(SlotType.DATE, words).orElse(words);
        for (int cut = dated.size(); cut >= 0; cut--) {
            List<Token> time = dated.subList(cut, dated.size());
            if (!time.isEmpty() && time.get(0).text().equals("at")) {
                time = time.subList(1, time.size());
            }
            Optional<SlotValue> day = cut == 0 ? Optional.empty() : reader.value(SlotType.DATE, dated.subList(0, cut));
            Optional<SlotValue> clock = time.isEmpty() ? Optional.empty() : reader.value(SlotType.TIME, time);
            if ((cut > 0 && day.isEmpty()) || (cut < dated.size() && clock.isEmpty())) {
                continue;
            }
            Map<SlotType, String> values = new EnumMap<>(SlotType.class);
            day.filter(SlotValue::valid).ifPresent(v -> values.put(SlotType.DATE, v.value()));
            clock.filter(SlotValue::valid).ifPresent(v -> values.put(SlotType.TIME, v.value()));
            return values.size() == (cut > 0 ? 1 : 0) + (cut < dated.size() ? 1 : 0)
                    ? Optional.of(values) : Optional.empty();
        }
        Optional<SlotValue> period = reader.value(SlotType.PERIOD, words).filter(SlotValue::valid);
        if (period.isPresent()) { // "Due dates for Nguyen, next 30 days"
            return Optional.of(Map.of(SlotType.PERIOD, period.get().value()));
        }
        CaseResolutionPolicy policy = catalogue.caseResolution();
        List<Token> reference = words.size() > 1 && policy.leadingJoins().contains(words.get(0).text())
                ? words.subList(1, words.size()) : words;
        if (reference.size() == 1 && literalWords.contains(reference.get(0).text())) {
            return Optional.empty(); // "Start timer - now"; a title may hold such words ("Estate of Johnson")
        }
        return reader.settledCase(reference).map(id -> Map.of(SlotType.CASE, id));
    }

    /**
     * Whether words typed apart after a request of this kind, that fill none of its slots, are a remark to leave out
     * ("Open Delgado - client on line 2", "Pause timer, back in five"): only for a request without free text, whose
     * words could go on after a comma ("Note: client called, wants to settle" keeps every word).
     */
    private static boolean remarkAfter(IntentDefinition definition) {
        return definition.slots().values().stream().noneMatch(s -> s.type() == SlotType.TEXT || s.type() == SlotType.EVENT);
    }

    /** The best reading with the typed values in its empty slots of their types, and the typed text in its one empty text slot. */
    private Optional<List<Reading>> withTags(List<Reading> readings, Map<SlotType, String> tagged, List<Token> text,
                                             String said) {
        Reading best = readings.get(0);
        IntentDefinition definition = catalogue.definitions().get(best.intent());
        Map<String, String> slots = new LinkedHashMap<>(best.slots());
        for (Map.Entry<SlotType, String> tag : tagged.entrySet()) {
            String value = tag.getValue();
            Optional<SlotSpec> slot = definition.slotOf(tag.getKey());
            if (slot.isEmpty() && tag.getKey() == SlotType.DATE && !tagged.containsKey(SlotType.TIME)) {
                slot = definition.slotOf(SlotType.PERIOD); // "What's due, Fri": the day is the period asked about
                value = value + "/" + value;
            }
            boolean empty = slot.isPresent() && (tag.getKey() == SlotType.CASE ? !best.spokenCase()
                    : !slots.containsKey(slot.get().name()));
            // said again apart: "New employment matter for Priya Shah - retaliation claim"
            boolean again = slot.isPresent() && tag.getKey() != SlotType.CASE
                    && value.equals(slots.get(slot.get().name()));
            if (!empty && !again) {
                return Optional.empty();
            }
            slots.put(slot.get().name(), value);
        }
        if (!text.isEmpty()) {
            List<SlotSpec> open = definition.slots().values().stream()
                    .filter(s -> s.type() == SlotType.TEXT && s.optional() && !slots.containsKey(s.name())).toList();
            if (open.size() == 1) {
                slots.put(open.get(0).name(), Token.saidAsTyped(said, text));
            } else if (!open.isEmpty() || !remarkAfter(definition)) {
                return Optional.empty();
            }
        }
        List<Reading> out = new ArrayList<>(readings);
        out.set(0, new Reading(best.intent(), best.order(), best.literals(), best.tokens(), best.evidence(),
                best.spokenCase() || tagged.containsKey(SlotType.CASE), slots, best.unresolved()));
        return Optional.of(out);
    }

    /**
     * What a typed heading is: the words before the first colon, spaced dash or arrow ("Add event: mediation 12/15,
     * Miller", "Sarah -> prep the exhibit binder").
     */
    private static final Pattern HEADING = Pattern.compile("^\\W*([^:]{1,40}?)(?::|\\s[-–—]+>?\\s|\\s→\\s)");

    /**
     * "Add event: mediation 12/15, Miller", "Note: that the client called": a heading typed with a colon (catalogue
     * needs.headings) says which request the rest is, even when the words as said read otherwise ("event mediation"),
     * and is read first; taken when every slot settles.
     */
    private Optional<List<Reading>> typedHeading(List<Token> tokens, Reader reader) {
        Matcher typed = HEADING.matcher(reader.said());
        if (!typed.find()) {
            return Optional.empty();
        }
        List<Token> heading = catalogue.normaliser().tokens(typed.group(1));
        if (!catalogue.needs().heads(Token.texts(heading))) {
            return personBeforeColon(heading, tokens, reader).or(() -> personHeading(heading, tokens, reader));
        }
        return headed(tokens, reader, true);
    }

    /**
     * "Task for Tom: mail the notice to creditors": the person a request is for, typed last before its colon, ends
     * where the colon is. Read as "task for Tom to mail the notice ..." and taken when that names the person and
     * settles every slot.
     */
    private Optional<List<Reading>> personBeforeColon(List<Token> heading, List<Token> tokens, Reader reader) {
        int colon = heading.size();
        if (tokens.size() <= colon || !Token.texts(tokens.subList(0, colon)).equals(Token.texts(heading))) {
            return Optional.empty();
        }
        for (int names = 1; names <= MAX_JOINED_NAME_WORDS && names + 1 < colon; names++) {
            if (!heading.get(colon - names - 1).text().equals("for")) {
                continue;
            }
            String person = Token.said(heading.subList(colon - names, colon));
            List<Token> joined = new ArrayList<>(tokens);
            joined.add(colon, new Token("to", ""));
            List<Reading> readings = reader.readings(joined);
            if (readings.isEmpty()) { // "Reminder for Brian: ..." is "set a reminder for Brian to ..."
                readings = catalogue.needs().headed(joined, true).map(reader::readings).orElse(List.of());
            }
            if (!readings.isEmpty() && readings.get(0).evidence() >= 1
                    && readings.get(0).slots().values().stream().anyMatch(person::equalsIgnoreCase)) {
                return Optional.of(readings);
            }
        }
        return Optional.empty();
    }

    /**
     * "Tom - file the exhibits in Rivera by 12/1", "Sarah -> prep the exhibit binder for Nguyen": a person typed as the
     * heading of what they are to do, said with one of the catalogue's task verbs (needs.delegatedVerbs), is given that
     * task: read as "remind Tom to file ..." and taken when that names the person and settles every slot. A heading
     * that names a case is the case's ("Miller - pull the police report").
     */
    private Optional<List<Reading>> personHeading(List<Token> heading, List<Token> tokens, Reader reader) {
        int end = heading.size();
        if (end > MAX_JOINED_NAME_WORDS || tokens.size() <= end + 1
                || !Token.texts(tokens.subList(0, end)).equals(Token.texts(heading))
                || !catalogue.needs().delegatedVerbs().contains(tokens.get(end).text())
                || heading.stream().anyMatch(w -> catalogue.vocabularies().notNames().contains(w.text())
                        || literalWords.contains(w.text()))
                || reader.settledCase(heading).isPresent()) {
            return Optional.empty();
        }
        String person = Token.said(heading);
        List<Token> request = new ArrayList<>(List.of(new Token("remind", "")));
        request.addAll(heading);
        request.add(new Token("to", ""));
        request.addAll(tokens.subList(end, tokens.size()));
        List<Reading> readings = readAll(request, reader, false);
        return Optional.of(readings).filter(r -> !r.isEmpty() && r.get(0).evidence() >= 1 && r.get(0).unresolved().isEmpty()
                && r.get(0).slots().values().stream().anyMatch(person::equalsIgnoreCase));
    }

    /** Every reading of the words, with the re-readings but a correction, best first. */
    private List<Reading> readAll(List<Token> words, Reader reader, boolean usualVerbs) {
        List<Reading> readings = reader.readings(words);
        return rereadAsSaid(words, readings, reader, usualVerbs).orElse(readings);
    }

    private Optional<List<Reading>> rereadAsSaid(List<Token> tokens, List<Reading> readings, Reader reader,
                                                 boolean usualVerbs) {
        if (readings.isEmpty() || !readings.get(0).spokenCase()) {
            Optional<List<Reading>> caseFirst = caseSaidFirst(tokens, reader, readings.isEmpty())
                    .or(() -> caseSaidLast(tokens, reader, readings.isEmpty(),
                            !readings.isEmpty() && readings.get(0).evidence() >= 1));
            if (caseFirst.isPresent()) {
                return caseFirst;
            }
        }
        if (readings.isEmpty() || readings.get(0).evidence() < 1) {
            Optional<List<Reading>> inside = caseSaidInside(tokens, reader);
            if (inside.isPresent()) {
                return inside;
            }
        }
        if (!readings.isEmpty()) {
            return personJoined(tokens, readings.get(0), reader);
        }
        return headed(tokens, reader, false)
                .or(() -> appointmentSaidBare(tokens, reader))
                .or(() -> gerundRequest(tokens, reader))
                .or(() -> need(tokens, reader))
                .or(() -> delegatedTask(tokens, reader))
                .or(() -> remarkThenRequest(tokens, reader))
                .or(() -> requestThenRemark(tokens, reader))
                .or(() -> askedAfter(tokens, reader))
                .or(() -> pointedBack(tokens, reader))
                .or(() -> dateSaidFirst(tokens, reader))
                .or(() -> questionAfterRemark(tokens, reader))
                .or(() -> usualVerbs ? saidWithUsualVerbs(tokens, reader) : Optional.empty());
    }

    /** A corrected value is at most this many words: a case's name, a date, a duration. */
    private static final int MAX_CORRECTED_WORDS = 5;

    /**
     * "A demand letter for Thompson no wait for Delgado", "log an hour on Chen no make that an hour and ten", "tomorrow
     * at ten actually make that Friday": after a correction (needs.corrections) the words said take the place of words
     * said before it: the replacement that changes the fewest values, then the fewest words, then the nearest. Taken
     * only when the words before it read as a request, and the corrected words as the same request with the same
     * slots, every one settled, some value changed and the free text unchanged: a correction changes a value, never
     * what is dictated.
     */
    private Optional<List<Reading>> corrected(List<Token> tokens, Reader reader) {
        Optional<NeedPhrasing.Correction> correction = catalogue.needs().correction(tokens);
        if (correction.isEmpty()) {
            return Optional.empty();
        }
        List<Token> before = correction.get().before();
        List<Token> after = catalogue.normaliser().trimmed(correction.get().after());
        if (after.isEmpty()) {
            return Optional.empty();
        }
        List<Reading> first = readAll(before, reader, true);
        if (first.isEmpty()) {
            return restarted(after, reader);
        }
        // words the patterns read as said are corrected into words the patterns read too: each candidate is read by
        // the patterns alone, not by every re-reading, which would cost tens of milliseconds
        List<Reading> plain = reader.readings(before);
        boolean patternsAlone = !plain.isEmpty() && plain.get(0).equals(first.get(0));
        List<Reading> best = null;
        long fewest = Long.MAX_VALUE;
        for (int length = 1; length <= Math.min(before.size(), MAX_CORRECTED_WORDS); length++) {
            for (int start = before.size() - length; start >= 0; start--) {
                List<Token> meant = new ArrayList<>(before.subList(0, start));
                meant.addAll(after);
                meant.addAll(before.subList(start + length, before.size()));
                List<Reading> readings = patternsAlone ? reader.readings(meant) : readAll(meant, reader, true);
                if (!readings.isEmpty() && correctedRightly(first.get(0), readings.get(0))) {
                    long changed = first.get(0).slots().entrySet().stream()
                            .filter(e -> !e.getValue().equals(readings.get(0).slots().get(e.getKey()))).count();
                    // "tomorrow at ten, make that Friday" changes the day, not the event too; "an hour and a half,
                    // make that two hours" replaces the whole duration, not "an hour" of it
                    long rank = 2 * changed + (wholeValue(first.get(0), before.subList(start, start + length), reader)
                            ? 0 : 1);
                    if (rank < fewest) {
                        best = readings;
                        fewest = rank;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether the words, read as a value of a slot of the reading's intent, are that slot's whole value. */
    private boolean wholeValue(Reading reading, List<Token> words, Reader reader) {
        return catalogue.definitions().get(reading.intent()).slots().values().stream()
                .filter(slot -> reading.slots().containsKey(slot.name()))
                .anyMatch(slot -> reader.value(slot.type(), words).filter(SlotValue::valid)
                        .map(v -> v.value().equals(reading.slots().get(slot.name()))).orElse(false));
    }

    /**
     * "Could you please add a, sorry, put a mediation on the calendar for Okafor ...": when the words before the
     * correction read as nothing, the speaker started again, and the words after it are the request, when they read
     * alone with every slot settled.
     */
    private Optional<List<Reading>> restarted(List<Token> after, Reader reader) {
        List<Reading> readings = readAll(after, reader, true);
        return readings.isEmpty() || readings.get(0).evidence() < 1 ? Optional.empty() : Optional.of(readings);
    }

    /** The same request with the same slots, each settled, some value changed, and the free text as it was. */
    private boolean correctedRightly(Reading said, Reading meant) {
        if (meant.intent() != said.intent() || meant.evidence() < 1
                || !meant.slots().keySet().equals(said.slots().keySet()) || meant.slots().equals(said.slots())) {
            return false;
        }
        return catalogue.definitions().get(said.intent()).slots().values().stream()
                .filter(slot -> slot.type() == SlotType.TEXT)
                .allMatch(slot -> Objects.equals(said.slots().get(slot.name()), meant.slots().get(slot.name())));
    }

    /**
     * "Spin up a demand letter for Delgado", "book two hours to the Nguyen matter": a verb no pattern uses is read as
     * the one the patterns use for it (needs.verbs), with every re-reading, when the words as said read nothing; taken
     * only when every slot settles, so "spin up a new team" drafts nothing.
     */
    private Optional<List<Reading>> saidWithUsualVerbs(List<Token> tokens, Reader reader) {
        return catalogue.needs().withUsualVerbs(tokens).map(words -> readAll(words, reader, false))
                .filter(readings -> !readings.isEmpty() && readings.get(0).evidence() >= 1);
    }

    /** A date said ahead of the request is at most this many words: "a week from today", "on the twenty first". */
    private static final int MAX_LEADING_DATE_WORDS = 5;

    /**
     * "On Friday remind me to chase the discovery in Thompson", "a week from today remind me to renew the notary
     * commission": a date said ahead of the request is read after it, when the request then takes those words as its
     * date and every slot settles.
     */
    private Optional<List<Reading>> dateSaidFirst(List<Token> tokens, Reader reader) {
        for (int end = Math.min(tokens.size() - 2, MAX_LEADING_DATE_WORDS); end >= 1; end--) {
            List<Token> date = tokens.subList(0, end);
            Optional<String> day = reader.value(SlotType.DATE, date)
                    .or(() -> reader.value(SlotType.DATE, date.subList(1, date.size())))
                    .filter(SlotValue::valid).map(SlotValue::value);
            if (day.isEmpty()) {
                continue;
            }
            List<Token> moved = new ArrayList<>(tokens.subList(end, tokens.size()));
            moved.addAll(date);
            List<Reading> readings = reader.readings(moved);
            if (!readings.isEmpty() && readings.get(0).evidence() >= 1 && dated(readings.get(0), day.get())) {
                return Optional.of(readings);
            }
        }
        return Optional.empty();
    }

    private boolean dated(Reading reading, String day) {
        return catalogue.definitions().get(reading.intent()).slots().values().stream()
                .anyMatch(slot -> slot.type() == SlotType.DATE && day.equals(reading.slots().get(slot.name())));
    }

    /**
     * "I need the Bayview Medical file open" (catalogue needs): read as the request it says, possibly with a remark
     * after it, when every slot of the reading settles.
     */
    private Optional<List<Reading>> need(List<Token> tokens, Reader reader) {
        return catalogue.needs().request(tokens).map(r -> readingsBeforeRemark(r, reader))
                .filter(r -> !r.isEmpty() && r.get(0).evidence() >= 1);
    }

    /**
     * "Mediation 12/10 at 1:30pm, Kowalczyk", "depo of Officer Boyle December third at ten am Miller": an appointment of
     * a kind the catalogue lists (needs.appointments), said bare, is scheduled only when the words give both its day and
     * its time ("the mediation tomorrow went long" stays talk).
     */
    private Optional<List<Reading>> appointmentSaidBare(List<Token> tokens, Reader reader) {
        return catalogue.needs().scheduled(tokens).map(request -> readAll(request, reader, false))
                .filter(readings -> !readings.isEmpty() && readings.get(0).intent() == Intent.ADD_EVENT
                        && readings.get(0).evidence() >= 1 && fills(readings.get(0), SlotType.DATE)
                        && fills(readings.get(0), SlotType.TIME));
    }

    private boolean fills(Reading reading, SlotType type) {
        return catalogue.definitions().get(reading.intent()).slots().values().stream()
                .anyMatch(slot -> slot.type() == type && reading.slots().containsKey(slot.name()));
    }

    /**
     * "Would you mind opening the Chen matter": after a polite phrase (catalogue fillers.gerundAfter) the request's
     * verb is said as a gerund. Tried only when the whole reads nothing, and only with a verb some pattern uses
     * ("opening" → open, "setting" → set, "scheduling" → schedule).
     */
    private Optional<List<Reading>> gerundRequest(List<Token> tokens, Reader reader) {
        String first = tokens.get(0).text();
        if (first.length() < 5 || !first.endsWith("ing") || !saidAfterGerundPhrase(reader.said(), first)) {
            return Optional.empty();
        }
        String stem = first.substring(0, first.length() - 3);
        List<String> verbs = new ArrayList<>(List.of(stem, stem + "e"));
        if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
            verbs.add(stem.substring(0, stem.length() - 1)); // "setting" → set
        }
        for (String verb : verbs) {
            if (!literalWords.contains(verb)) {
                continue;
            }
            List<Token> request = new ArrayList<>(tokens);
            request.set(0, new Token(verb, verb));
            List<Reading> readings = reader.readings(request);
            if (!readings.isEmpty()) {
                return Optional.of(readings);
            }
        }
        return Optional.empty();
    }

    /**
     * "Have Miguel send the subpoena out for service by Monday": a task for a person, its "to" left out before one of
     * the catalogue's task verbs (needs.delegatedVerbs). Taken only when the words with "to" read as a request that
     * names the person (a person slot filled), so "have lunch with the client" stays talk.
     */
    private Optional<List<Reading>> delegatedTask(List<Token> tokens, Reader reader) {
        return catalogue.needs().delegated(tokens).map(request -> reader.readings(request))
                .filter(readings -> !readings.isEmpty() && namesAPerson(readings.get(0)));
    }

    private boolean namesAPerson(Reading reading) {
        return catalogue.definitions().get(reading.intent()).slots().values().stream()
                .anyMatch(s -> s.type() == SlotType.PERSON && reading.slots().containsKey(s.name()));
    }

    private boolean saidAfterGerundPhrase(String said, String gerund) {
        List<String> words = SpeechNormaliser.words(said);
        for (int at = 0; at < words.size(); at++) {
            if (!words.get(at).equals(gerund)) {
                continue;
            }
            for (List<String> phrase : catalogue.gerundAfter()) {
                if (at >= phrase.size() && words.subList(at - phrase.size(), at).equals(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A case said first is at most a joining word, "the", three words of a name and a case noun. */
    private static final int MAX_LEADING_CASE_WORDS = 6;

    /**
     * A case said ahead of the request: "Delgado, what's due", "in Garcia the judgment was entered yesterday",
     * "Chen settlement agreement". Taken only when the first words settle exactly one case and the rest reads as a
     * request whose intent takes a case and did not name one; a case and a document kind alone (nothing else read)
     * ask for the document.
     */
    private Optional<List<Reading>> caseSaidFirst(List<Token> tokens, Reader reader, boolean wholeReadsNothing) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        for (int end = 1; end < tokens.size() && end <= MAX_LEADING_CASE_WORDS; end++) {
            List<Token> reference = tokens.subList(0, end);
            if (policy.leadingJoins().contains(reference.get(0).text())) {
                reference = reference.subList(1, reference.size());
            }
            List<String> named = reference.stream().map(Token::text).filter(w -> !policy.ignoreWords().contains(w)).toList();
            if (named.isEmpty()) {
                continue; // "the", "in the"
            }
            if (policy.neverFirst().contains(named.get(0))
                    || named.stream().anyMatch(catalogue.vocabularies().notNames()::contains)) {
                break; // a longer start holds the same word
            }
            // the rest is read first, without its own leading fillers ("Patel closing, are there any deadlines"): the
            // first words are looked up only when a request that takes a case follows
            List<Token> rest = catalogue.normaliser().trimmed(tokens.subList(end, tokens.size()));
            if (rest.isEmpty()) {
                continue;
            }
            List<Reading> readings = reader.readings(rest);
            if (readings.isEmpty() && wholeReadsNothing) {
                readings = appointmentSaidBare(rest, reader).orElse(List.of()); // "Thompson arraignment Dec 2, 9am"
            }
            boolean takesCase = readings.isEmpty()
                    ? wholeReadsNothing && knownDocument(rest).isPresent() : takesCase(readings.get(0));
            Optional<String> id = takesCase ? reader.settledCase(reference) : Optional.empty();
            if (id.isPresent()) {
                return readings.isEmpty() ? documentAlone(rest, id.get()).map(List::of) : withCase(readings, id.get());
            }
        }
        return Optional.empty();
    }

    /**
     * A case tagged on after the request: "Start timer - Rivera", "Add Brian Ellis as a witness - Rivera", "start timer
     * rivera", "put the scheduling order on the portal for Kowalczyk". Taken only when the last words settle exactly
     * one case and the words before them read as a request whose intent takes a case and did not name one. When the
     * whole already reads (its free text or document then holds the case's name: "Find the scheduling order -
     * Delgado"), only when a dash, comma, colon or semicolon sets the case apart as it was typed, or when the whole
     * leaves a slot unsettled ("get me the trust agreement Garza": no document is called "trust agreement Garza").
     */
    private Optional<List<Reading>> caseSaidLast(List<Token> tokens, Reader reader, boolean wholeReadsNothing,
                                                 boolean wholeSettles) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        List<String> tagged = typedLast(reader.said());
        for (int length = 1; length < tokens.size() && length <= MAX_LEADING_CASE_WORDS; length++) {
            List<Token> said = tokens.subList(tokens.size() - length, tokens.size());
            boolean joined = length > 1 && policy.leadingJoins().contains(said.get(0).text());
            List<Token> reference = joined ? said.subList(1, said.size()) : said;
            List<String> named = reference.stream().map(Token::text).filter(w -> !policy.ignoreWords().contains(w)).toList();
            if (named.isEmpty()) {
                continue; // "the case"
            }
            if (policy.neverFirst().contains(named.get(0))
                    || named.stream().anyMatch(w -> catalogue.vocabularies().notNames().contains(w)
                    || literalWords.contains(w))) {
                continue; // "... for the Miller case" is the patterns' to read; a name is no word of a pattern
            }
            boolean typedApart = tagged.equals(reference.stream().map(Token::text).toList());
            if (!wholeReadsNothing && !typedApart && wholeSettles) {
                continue;
            }
            List<Token> rest = catalogue.normaliser().trimmed(tokens.subList(0, tokens.size() - length));
            if (rest.isEmpty()) {
                continue;
            }
            // said without a break, the request must settle every slot: "start timer rivera", not "find the memo
            // chen"; set apart, a kind of document nobody listed will do ("the scheduling order - Delgado")
            boolean apart = typedApart || joined;
            Optional<List<Reading>> read = withCaseNamed(reference, rest, reader,
                    r -> r.unresolved().isEmpty() && (apart || r.evidence() >= 1));
            if (read.isPresent()) {
                return read;
            }
        }
        return Optional.empty();
    }

    /**
     * The rest read as a request that takes a case and names none, when it is {@code enough}, with the case the
     * reference settles; the index is asked only once the rest reads so, so talk costs no look-up.
     */
    private Optional<List<Reading>> withCaseNamed(List<Token> reference, List<Token> rest, Reader reader,
                                                  Predicate<Reading> enough) {
        List<Reading> readings = reader.readings(rest);
        if (readings.isEmpty() || !takesCase(readings.get(0)) || !enough.test(readings.get(0))) {
            return Optional.empty();
        }
        return reader.settledCase(reference).flatMap(id -> withCase(readings, id));
    }

    /** A person a task is for is at most two words here: "Sarah", "Brian King". */
    private static final int MAX_JOINED_NAME_WORDS = 2;

    /**
     * "Task for Sarah order the records from Bayview", "Task: Tom to pull the deed for Patel": the person a request is
     * for said without the "for ... to" the patterns join them with. When the best reading leaves an optional person
     * slot empty, "to" is said after a name that follows "for" and comes before a delegated verb (catalogue
     * needs.delegatedVerbs), or "for" before a name that "to" and such a verb follow, and the words are read again;
     * taken when the same request then names the person and settles every slot.
     */
    private Optional<List<Reading>> personJoined(List<Token> tokens, Reading best, Reader reader) {
        Optional<SlotSpec> person = catalogue.definitions().get(best.intent()).slotOf(SlotType.PERSON)
                .filter(slot -> slot.optional() && !best.slots().containsKey(slot.name()));
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Set<String> verbs = catalogue.needs().delegatedVerbs();
        for (int start = 1; start < tokens.size(); start++) {
            for (int length = 1; length <= MAX_JOINED_NAME_WORDS && start + length + 1 < tokens.size(); length++) {
                int after = start + length;
                if (tokens.subList(start, after).stream().anyMatch(t -> catalogue.vocabularies().notNames().contains(t.text()))) {
                    break;
                }
                List<Token> joined = new ArrayList<>(tokens);
                if (tokens.get(start - 1).text().equals("for") && verbs.contains(tokens.get(after).text())) {
                    joined.add(after, new Token("to", ""));
                } else if (tokens.get(after).text().equals("to") && verbs.contains(tokens.get(after + 1).text())) {
                    joined.add(start, new Token("for", ""));
                } else {
                    continue;
                }
                List<Reading> readings = reader.readings(joined);
                if (!readings.isEmpty() && readings.get(0).intent() == best.intent() && readings.get(0).evidence() >= 1
                        && readings.get(0).slots().containsKey(person.get().name())) {
                    return Optional.of(readings);
                }
            }
        }
        return Optional.empty();
    }

    /** A case said inside a request is at most three words: "the Kowalczyk Northside", "Johnson versus Acme". */
    private static final int MAX_INSIDE_CASE_WORDS = 3;

    /**
     * A case said inside the request, in front of what it asks for: "show me the Miller deadlines", "pull up the Garcia
     * police report". Tried when nothing reads or the best reading leaves a slot unsettled: the fewest words that
     * settle exactly one case are taken out, nearest the front first, when the rest reads as a request that takes a
     * case, names none and settles every slot.
     */
    private Optional<List<Reading>> caseSaidInside(List<Token> tokens, Reader reader) {
        CaseResolutionPolicy policy = catalogue.caseResolution();
        for (int length = 1; length <= MAX_INSIDE_CASE_WORDS; length++) {
            for (int start = 1; start + length < tokens.size(); start++) {
                List<Token> reference = tokens.subList(start, start + length);
                List<String> named = reference.stream().map(Token::text).toList();
                // a name is no word of a pattern: most spans are passed over unread
                if (named.stream().anyMatch(w -> literalWords.contains(w) || policy.ignoreWords().contains(w)
                        || policy.neverFirst().contains(w) || catalogue.vocabularies().notNames().contains(w))) {
                    continue;
                }
                List<Token> rest = new ArrayList<>(tokens.subList(0, start));
                rest.addAll(tokens.subList(start + length, tokens.size()));
                Optional<List<Reading>> read = withCaseNamed(reference, rest, reader, r -> r.evidence() >= 1);
                if (read.isPresent()) {
                    return read;
                }
            }
        }
        return Optional.empty();
    }

    /** Separators that set a case apart at the end of a typed request: "Start timer - Rivera", "mediation 12/15, Miller". */
    private static final Pattern TAG = Pattern.compile("(?:\\s[-–—]|[,;:])\\s*([^,;:–—]+?)[\\s.!?]*$");

    /** The words typed last in the utterance, after a separator and nothing else; none when no separator is typed. */
    private List<String> typedLast(String said) {
        Matcher m = TAG.matcher(said);
        return m.find() ? catalogue.normaliser().tokens(m.group(1)).stream().map(Token::text).toList() : List.of();
    }

    /**
     * "Note: called Gregory Shaw, left voicemail", "New matter: Priya Shah, medical malpractice": a heading said or typed
     * first (catalogue needs.headings) read as the request it heads, when every slot settles.
     */
    private Optional<List<Reading>> headed(List<Token> tokens, Reader reader, boolean typed) {
        return catalogue.needs().headed(tokens, typed).map(words -> readAll(words, reader, true))
                .filter(readings -> !readings.isEmpty() && readings.get(0).evidence() >= 1);
    }

    /** "Chen settlement agreement": a document kind the vocabulary knows, said alone after a case, is asked for. */
    private Optional<Reading> documentAlone(List<Token> words, String caseId) {
        IntentDefinition find = catalogue.definitions().get(Intent.FIND_DOCUMENT);
        if (find == null) {
            return Optional.empty();
        }
        Optional<SlotSpec> documentSlot = find.slotOf(SlotType.DOCUMENT);
        Optional<SlotSpec> caseSlot = find.slotOf(SlotType.CASE);
        Optional<DocumentVocabulary.Normalised> kind = knownDocument(words);
        if (documentSlot.isEmpty() || caseSlot.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put(documentSlot.get().name(), kind.get().value());
        slots.put(caseSlot.get().name(), caseId);
        return Optional.of(new Reading(Intent.FIND_DOCUMENT, 0, words.size(), words.size(), 1.0, true, slots, Map.of()));
    }

    /**
     * A remark, then the request: "I'm off the phone now stop the timer", "I'm starting on the Okafor brief now start
     * the clock". Tried only when the whole says nothing the catalogue reads: the request is what follows the first
     * clause break (catalogue fillers.breaks) that leaves words reading as one; a case the remark names, settling
     * exactly one, is the request's when it names none itself.
     */
    private Optional<List<Reading>> remarkThenRequest(List<Token> tokens, Reader reader) {
        for (int at = 1; at < tokens.size() - 1; at++) {
            if (!catalogue.clauseBreaks().contains(tokens.get(at).text())) {
                continue;
            }
            List<Token> request = catalogue.normaliser().trimmed(tokens.subList(at + 1, tokens.size()));
            List<Reading> readings = request.isEmpty() ? List.of() : reader.readings(request);
            if (readings.isEmpty() || readings.get(0).evidence() < 1) {
                continue; // after a remark, only a request whose slots all settled: "... now open a bottle of wine"
            }
            return Optional.of(caseNamedIn(tokens.subList(0, at), reader).flatMap(id -> withCase(readings, id))
                    .orElse(readings));
        }
        return Optional.empty();
    }

    /** The case a remark names by a word or two, when it names exactly one. */
    private Optional<String> caseNamedIn(List<Token> remark, Reader reader) {
        Set<String> named = new HashSet<>();
        for (int start = 0; start < remark.size(); start++) {
            for (int end = start + 1; end <= Math.min(remark.size(), start + 2); end++) {
                reader.settledCase(remark.subList(start, end)).ifPresent(named::add);
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /** What is pointed back at is a name or a thing of at most this many words: "the expert report in Kowalczyk". */
    private static final int MAX_POINTED_WORDS = 6;
    /** Words of persons.notNames that a name pointed back at may still hold: "the Nguyen divorce". */
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /**
     * "Garcia needs a demand letter, can you start one", "we might be adverse to Atlas Freight, can you clear conflicts
     * on them", "Chen, let's open that one": a request asked of Dictum (after a leading filler) and ending in a pointer
     * (needs.pointers) is read with the words said just before it in the pointer's place. Those words are a name or a
     * document kind the vocabulary knows, perhaps followed by the case it is in; the reading must settle every slot,
     * or be a question about one of several cases ("Johnson, can you open that"); a request that changes data takes
     * only a document kind the vocabulary knows. A case named before those words, settling exactly one, is the
     * request's when it names none.
     */
    private Optional<List<Reading>> pointedBack(List<Token> tokens, Reader reader) {
        Optional<List<Token>> before = catalogue.needs().beforePointer(tokens);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        List<Token> said = before.get();
        for (int start = 1; start < said.size(); start++) {
            if (!catalogue.normaliser().beginsWithLeadingFiller(said.subList(start, said.size()))) {
                continue; // asked of Dictum only after a leading filler ("can you", "let's"): "Miller, open it" is talk
            }
            List<Token> request = catalogue.normaliser().trimmed(said.subList(start, said.size()));
            if (request.isEmpty()) {
                continue;
            }
            for (int from = Math.max(0, start - MAX_POINTED_WORDS); from < start; from++) {
                List<Token> pointed = said.subList(from, start);
                if (!namesSomething(pointed)) {
                    continue;
                }
                List<Token> meant = new ArrayList<>(request);
                meant.addAll(pointed);
                List<Reading> readings = reader.readings(meant);
                if (!readings.isEmpty() && pointedAtRightly(readings.get(0), pointed)) {
                    return Optional.of(caseNamedIn(said.subList(0, from), reader)
                            .flatMap(id -> withCase(readings, id)).orElse(readings));
                }
            }
        }
        return Optional.empty();
    }

    /** A document kind the vocabulary knows, or a name, perhaps followed by a case: "the expert report in Kowalczyk". */
    private boolean namesSomething(List<Token> words) {
        int join = headEnd(words);
        List<Token> head = words.subList(0, join);
        List<Token> tail = words.subList(join, words.size());
        return (knownDocument(head).isPresent() || isName(head))
                && (tail.isEmpty() || isName(tail.subList(1, tail.size())));
    }

    /** Where the words of a thing end and a case joined to it begins (caseResolution.leadingJoins), if one does. */
    private int headEnd(List<Token> words) {
        Set<String> joins = catalogue.caseResolution().leadingJoins();
        int end = 1;
        while (end < words.size() && !joins.contains(words.get(end).text())) {
            end++;
        }
        return end;
    }

    /**
     * Words that may name someone or something: none of persons.notNames but articles and the words a case reference
     * drops (caseResolution.ignoreWords: "the Acme matter"), and not those alone.
     */
    private boolean isName(List<Token> words) {
        Set<String> notNames = catalogue.vocabularies().notNames();
        Set<String> dropped = catalogue.caseResolution().ignoreWords();
        List<String> named = words.stream().map(Token::text)
                .filter(w -> !ARTICLES.contains(w) && !dropped.contains(w)).toList();
        return !named.isEmpty() && named.stream().noneMatch(notNames::contains);
    }

    /** Every slot settled, or a question's case one of several; a change only to a known kind of document. */
    private boolean pointedAtRightly(Reading best, List<Token> pointed) {
        boolean settled = best.evidence() >= 1 || (!best.intent().changesData() && !best.unresolved().isEmpty()
                && best.unresolved().values().stream().noneMatch(List::isEmpty)
                && best.evidence() >= catalogue.confidence().ambiguousEntity());
        if (!settled || !best.intent().changesData()) {
            return settled;
        }
        return knownDocument(pointed.subList(0, headEnd(pointed))).isPresent();
    }

    private Optional<DocumentVocabulary.Normalised> knownDocument(List<Token> words) {
        return catalogue.documents().normalise(words.stream().map(Token::text).toList())
                .filter(DocumentVocabulary.Normalised::known);
    }

    /** Whether the reading's intent takes a case and the reading named none. */
    private boolean takesCase(Reading reading) {
        return !reading.spokenCase() && catalogue.definitions().get(reading.intent()).slotOf(SlotType.CASE).isPresent();
    }

    /**
     * The request, then a remark: "set up a new employment case for Keisha Moore she was fired after complaining about
     * overtime", "put the clock on pause while I take this call". Tried only when the whole and a remark before it
     * read nothing: the longest start that ends before a word beginning a remark (catalogue fillers.remarks) or a
     * matter type said as a description, and reads. A case the remark names, settling exactly one, is the request's
     * when it names none itself ("any deadlines I should know about in the Northside case").
     */
    private Optional<List<Reading>> requestThenRemark(List<Token> tokens, Reader reader) {
        for (int at = tokens.size() - 1; at >= 2; at--) {
            if (catalogue.remarkStarts().contains(tokens.get(at).text()) || describesMatter(tokens, at)) {
                List<Token> request = catalogue.normaliser().trimmed(tokens.subList(0, at));
                List<Reading> readings = request.isEmpty() ? List.of() : reader.readings(request);
                if (!readings.isEmpty()) {
                    return Optional.of(takesCase(readings.get(0))
                            ? caseNamedIn(tokens.subList(at, tokens.size()), reader)
                                    .flatMap(id -> withCase(readings, id)).orElse(readings)
                            : readings);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Before we take this one, run conflicts on Jessica Tran": a remark with no clause break, then a request that
     * changes nothing. Tried last, when nothing else reads: the longest end of the words, from the third word on, that
     * reads as a request changing no data with every slot settled, three literal words or more and no slot beginning
     * with a pronoun or a question word ("... ran conflicts on them last week" is talk); a request that changes data
     * is never taken from the end of talk ("I told him to stop the timer").
     */
    private Optional<List<Reading>> questionAfterRemark(List<Token> tokens, Reader reader) {
        for (int at = 2; at < tokens.size() - 1; at++) {
            List<Token> request = catalogue.normaliser().trimmed(tokens.subList(at, tokens.size()));
            if (request.size() < 2) {
                continue;
            }
            List<Reading> readings = reader.readings(request);
            if (!readings.isEmpty() && !readings.get(0).intent().changesData() && readings.get(0).evidence() >= 1
                    && readings.get(0).literals() >= 3 && readings.get(0).slots().values().stream()
                    .map(SpeechNormaliser::words).noneMatch(w -> !w.isEmpty() && neverBeginsAValue(w.get(0)))) {
                return Optional.of(readings);
            }
        }
        return Optional.empty();
    }

    /**
     * "The parenting plan in Nguyen, where is it": a request said after what it asks about (catalogue
     * needs.askedAfter) is read in front of it, when every slot of the reading settles ("... can you draft one" after
     * talk drafts nothing).
     */
    private Optional<List<Reading>> askedAfter(List<Token> tokens, Reader reader) {
        return catalogue.needs().askedFirst(tokens).map(request -> reader.readings(request))
                .filter(readings -> !readings.isEmpty() && readings.get(0).evidence() >= 1);
    }

    private boolean neverBeginsAValue(String word) {
        return catalogue.caseResolution().neverFirst().contains(word);
    }

    /** The readings of the words, or of the request before a remark when they read nothing. */
    private List<Reading> readingsBeforeRemark(List<Token> tokens, Reader reader) {
        List<Reading> readings = reader.readings(tokens);
        return readings.isEmpty() ? requestThenRemark(tokens, reader).orElse(List.of()) : readings;
    }

    /** Whether a matter type of two words or more begins here: "... for Marcus Bell, slip and fall at a grocery store". */
    private boolean describesMatter(List<Token> tokens, int at) {
        List<String> words = tokens.stream().map(Token::text).toList();
        for (int end = at + 2; end <= Math.min(words.size(), at + 6); end++) {
            if (catalogue.vocabularies().matterTypes().lookup(words.subList(at, end)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The readings with the case given to the best, when its intent takes a case and it named none. */
    private Optional<List<Reading>> withCase(List<Reading> readings, String caseId) {
        if (readings.isEmpty() || !takesCase(readings.get(0))) {
            return Optional.empty();
        }
        Reading best = readings.get(0);
        return catalogue.definitions().get(best.intent()).slotOf(SlotType.CASE).map(slot -> {
                    Map<String, String> slots = new LinkedHashMap<>(best.slots());
                    slots.put(slot.name(), caseId);
                    List<Reading> out = new ArrayList<>(readings);
                    out.set(0, new Reading(best.intent(), best.order(), best.literals(), best.tokens(), best.evidence(),
                            true, slots, best.unresolved()));
                    return out;
                });
    }
}
