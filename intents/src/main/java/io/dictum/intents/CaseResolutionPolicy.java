package io.dictum.intents;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a spoken case reference counts as settled. The numbers live in the catalogue so a firm can tune them against
 * its own index without a release.
 *
 * @param minScore    a candidate scoring below this is noise
 * @param margin      how far the best must lead the second for the choice to be safe
 * @param candidates  how many candidates to ask the resolver for
 * @param ignoreWords words dropped from the reference before it is looked up ("the", "case", ...)
 * @param neverFirst  words no case reference begins with: a question or a pronoun ("show me what's due" names no case)
 * @param joins       words that join a case said at the end of a phrase to it ("the settlement agreement in Okafor"),
 *                    by the type of the phrase's slot: a document or an event
 * @param textJoins   the same for free text, by intent: only the intents listed take a case off their text's end
 *                    ("find everything about the lien in Miller"); a note keeps every word said
 * @param leadingJoins words that may come before a case said ahead of the request: "in Garcia the judgment was
 *                    entered yesterday"
 * @param textFront   intents whose free text may begin with the case it is about, after one of the text-front joins or
 *                    none: "make a note on Okafor the landlord replaced the railing", "I spent point four on Miller
 *                    reviewing the bills"
 * @param textFrontJoins words that may come before such a case: "add a note to Okafor ..."
 * @param neverLast   words no case reference ends with, what is asked about a case: "show me the Miller deadlines"
 *                    asks for deadlines, however leniently the index matches "miller deadlines"
 * @param describing  words that say what a matter is about without naming it, left out of a reference that settles no
 *                    case with them: "the Miller crash", "the Okafor lease", "the Thompson matter, the federal one"
 * @param subjectVerbs words that make a case said at the very front of free text, by its client's name, the subject of
 *                    that text: "note Sarah Miller says her back is worse" is a note on Miller that keeps her name
 */
public record CaseResolutionPolicy(double minScore, double margin, int candidates, Set<String> ignoreWords,
                                   Set<String> neverFirst, Map<SlotType, Set<String>> joins,
                                   Map<Intent, Set<String>> textJoins, Set<String> leadingJoins, Set<Intent> textFront,
                                   Set<String> textFrontJoins, Set<String> neverLast, Set<String> describing,
                                   Set<String> subjectVerbs) {

    public CaseResolutionPolicy(double minScore, double margin, int candidates, Set<String> ignoreWords) {
        this(minScore, margin, candidates, ignoreWords, Set.of(), Map.of(), Map.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of());
    }

    public CaseResolutionPolicy {
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("minScore must be within [0, 1]: " + minScore);
        }
        if (margin < 0 || margin > 1) {
            throw new IllegalArgumentException("margin must be within [0, 1]: " + margin);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1: " + candidates);
        }
        ignoreWords = Set.copyOf(ignoreWords);
        neverFirst = Set.copyOf(neverFirst);
        joins = copy(joins);
        textJoins = copy(textJoins);
        leadingJoins = Set.copyOf(leadingJoins);
        textFront = Set.copyOf(textFront);
        textFrontJoins = Set.copyOf(textFrontJoins);
        neverLast = Set.copyOf(neverLast);
        describing = Set.copyOf(describing);
        subjectVerbs = Set.copyOf(subjectVerbs);
    }

    private static <K extends Enum<K>> Map<K, Set<String>> copy(Map<K, Set<String>> words) {
        Map<K, Set<String>> copy = new HashMap<>();
        words.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
    }

    /** The words that join a case to a phrase in a slot of this type, for this intent; none when it takes no case. */
    public Set<String> joinsFor(Intent intent, SlotType type) {
        return type == SlotType.TEXT ? textJoins.getOrDefault(intent, Set.of()) : joins.getOrDefault(type, Set.of());
    }

    /** The outcome for one reference: the chosen match, or the candidates worth offering (possibly none). */
    public record Decision(Optional<EntityMatch> resolved, List<EntityMatch> candidates) {
        public Decision {
            Objects.requireNonNull(resolved, "resolved");
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * Resolved when the best scores at least {@code minScore} and either no other candidate does or the best leads the
     * second by at least {@code margin}; otherwise the close candidates, best first: those within {@code margin} of the
     * best (two exact "Johnson" cases are the question, a third that merely sounds alike is not offered beside them).
     */
    public Decision decide(List<EntityMatch> matches) {
        List<EntityMatch> credible = (matches == null ? List.<EntityMatch>of() : matches).stream()
                .filter(Objects::nonNull)
                .filter(m -> m.score() >= minScore)
                .sorted(Comparator.comparingDouble(EntityMatch::score).reversed()) // do not trust the resolver's order
                .toList();
        if (credible.isEmpty()) {
            return new Decision(Optional.empty(), List.of());
        }
        EntityMatch top = credible.get(0);
        // a small epsilon so that a lead of exactly the margin counts despite binary fractions (0.82 - 0.70)
        if (credible.size() == 1 || top.score() - credible.get(1).score() >= margin - 1e-9) {
            return new Decision(Optional.of(top), List.of());
        }
        return new Decision(Optional.empty(), credible.stream()
                .filter(m -> top.score() - m.score() < margin - 1e-9)
                .toList());
    }
}
