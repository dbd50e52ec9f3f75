package io.dictum.core.conflicts;

import io.dictum.core.names.WordSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether two names may denote the same person or organisation. Each word of the shorter name must find a
 * partner in the longer one: the same word, a nickname, a matching initial, a word that sounds alike, or a close
 * spelling. A name wholly contained in a longer one (a middle name, a trading name) is a weaker hit.
 */
public final class ConflictMatcher {

    /** At or above this score a pair is reported as a possible conflict. */
    public static final double THRESHOLD = 0.75;
    private static final double CONTAINED = 0.85;

    private final NameRules rules;

    public ConflictMatcher(NameRules rules) {
        this.rules = rules;
    }

    private record WordMatch(double score, String reason) {
    }

    private WordMatch compare(String word, String other, boolean givenNames) {
        if (word.equals(other)) {
            return new WordMatch(1.0, null);
        }
        if (rules.nicknames(word, other)) {
            return new WordMatch(0.95, "'" + word + "' and '" + other + "' are forms of one given name");
        }
        if (word.length() == 1 || other.length() == 1) {
            return word.charAt(0) == other.charAt(0) ? new WordMatch(0.85, "initial '" + word.charAt(0)
                    + "' fits '" + (word.length() == 1 ? other : word) + "'") : null;
        }
        int edits = WordSimilarity.editDistance(word, other);
        int shortest = Math.min(word.length(), other.length());
        if (WordSimilarity.soundAlike(word, other) && edits <= 2) {
            return new WordMatch(0.9, "'" + word + "' sounds like '" + other + "'");
        }
        if (edits == 1 && shortest >= 4 && word.charAt(0) == other.charAt(0)) {
            return new WordMatch(0.9, "'" + word + "' is spelt like '" + other + "'");
        }
        if (edits == 2 && shortest >= 8 && word.charAt(0) == other.charAt(0)) {
            return new WordMatch(0.85, "'" + word + "' is spelt like '" + other + "'");
        }
        if (givenNames && shortest >= 3 && (word.startsWith(other) || other.startsWith(word))) {
            return new WordMatch(0.85, "'" + (word.length() < other.length() ? word : other)
                    + "' may be short for '" + (word.length() < other.length() ? other : word) + "'");
        }
        return null;
    }

    /** "north side" against "northside": two neighbouring words that make one word of the other name. */
    private static List<String> joinSplitWords(List<String> words, List<String> other) {
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (other.contains(out.get(i) + out.get(i + 1)) && !other.contains(out.get(i))) {
                out.set(i, out.get(i) + out.get(i + 1));
                out.remove(i + 1);
            }
        }
        return out;
    }

    public Optional<NameMatch> match(String query, String candidate) {
        List<String> q = rules.words(query);
        List<String> c = rules.words(candidate);
        if (q.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        if (q.equals(c)) {
            return Optional.of(new NameMatch(1.0, List.of(query.strip().equalsIgnoreCase(candidate.strip())
                    ? "same name" : "same name once case, punctuation, titles and legal form are ignored")));
        }
        q = joinSplitWords(q, c);
        c = joinSplitWords(c, q);
        boolean queryShorter = q.size() <= c.size();
        List<String> shorter = queryShorter ? q : c;
        List<String> longer = new ArrayList<>(queryShorter ? c : q);
        double sum = 0;
        List<String> reasons = new ArrayList<>();
        for (int w = 0; w < shorter.size(); w++) {
            String word = shorter.get(w);
            WordMatch best = null;
            int bestIndex = -1;
            for (int i = 0; i < longer.size(); i++) {
                // The first word of a person's name is the given name, where short forms are usual (Raj, Rajesh).
                WordMatch m = compare(word, longer.get(i), w == 0 && i == 0);
                if (m != null && (best == null || m.score() > best.score())) {
                    best = m;
                    bestIndex = i;
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            longer.remove(bestIndex);
            sum += best.score();
            if (best.reason() != null) {
                reasons.add(best.reason());
            }
        }
        double score = sum / shorter.size();
        if (!longer.isEmpty()) {
            score *= CONTAINED;
            reasons.add("'" + String.join(" ", shorter) + "' is contained in '"
                    + String.join(" ", queryShorter ? c : q) + "'");
        }
        if (score < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new NameMatch(score, reasons));
    }
}
