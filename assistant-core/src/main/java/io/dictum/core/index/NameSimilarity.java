package io.dictum.core.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.dictum.core.names.CommonWords;
import io.dictum.core.names.WordSimilarity;

/**
 * How well spoken words name a case, in [0, 1]. Each spoken word is matched to the most similar name word by
 * spelling (Jaro-Winkler) or by sound (Double Metaphone codes). Up to three spoken words may stand for one name
 * word, because recognisers split names they do not know ("middle or" for "Miller"). The mean is squared so that
 * near misses fall off quickly and one exact name stands clearly above a merely similar one.
 */
public final class NameSimilarity {

    /** Words that say nothing about which matter is meant. */
    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "v", "vs", "versus", "verses", "and",
            "in", "re", "case", "matter", "file", "inc", "llc", "ltd", "co", "corp", "corporation", "company", "lp",
            "llp", "pc", "pa", "for", "on", "one");

    /** A name is rarely split into more than three recognised words ("cow al chick" for "Kowalczyk"). */
    private static final int MAX_RUN = 3;
    /** A name split by the recogniser is about as long as the words it was split into: "middle or" for "Miller". */
    private static final int SPLIT_LENGTH_SLACK = 3;
    /** Words this short match a name word only exactly. */
    private static final int SHORT_WORD = 3;

    private NameSimilarity() {
    }

    /** Lower-case, accent-free words of the text, without filler words. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !FILLER.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Each candidate's score, in order. A spoken word that is exactly a name word of any candidate is that name, and is
     * never run together with the words around it to sound like another: "the driver in Miller" says Miller, not
     * "Rivera" in "drivermiller".
     */
    public static List<Double> scores(List<String> spoken, List<CaseEntry> candidates) {
        Set<String> named = named(spoken, candidates);
        return candidates.stream().map(c -> score(spoken, c, named)).toList();
    }

    private static Set<String> named(List<String> spoken, List<CaseEntry> candidates) {
        Set<String> nameWords = new HashSet<>();
        for (CaseEntry c : candidates) {
            nameWords.addAll(words(c.title()));
            c.names().forEach(n -> nameWords.addAll(words(n)));
        }
        Set<String> named = new HashSet<>(spoken);
        named.retainAll(nameWords);
        return named;
    }

    private static double score(List<String> spoken, CaseEntry candidate, Set<String> named) {
        if (spoken.isEmpty()) {
            return 0;
        }
        if (SearchIndex.numberKey(String.join("", spoken)).equals(SearchIndex.numberKey(candidate.number()))) {
            return 1.0;
        }
        List<String> names = new ArrayList<>(words(candidate.title()));
        candidate.names().forEach(n -> names.addAll(words(n)));
        if (names.isEmpty()) {
            return 0;
        }
        // Best split of the spoken words into runs of one to three words, each run matched as one name word.
        double[] best = new double[spoken.size() + 1];
        for (int end = 1; end <= spoken.size(); end++) {
            for (int run = 1; run <= Math.min(MAX_RUN, end); run++) {
                if (run > 1 && spoken.subList(end - run, end).stream().anyMatch(named::contains)) {
                    break;
                }
                String joined = String.join("", spoken.subList(end - run, end));
                best[end] = Math.max(best[end], best[end - run] + run * (run == 1 ? says(joined, names)
                        : splitName(joined, names)));
            }
        }
        double sum = best[spoken.size()];
        double mean = sum / spoken.size();
        return givenNamesOnly(spoken, candidate) ? mean * mean * GIVEN_NAME_ONLY : mean * mean;
    }

    /** A case named by people's given names alone is too loose to settle: "Sarah" is also the firm's paralegal. */
    private static final double GIVEN_NAME_ONLY = 0.5;
    /** How close a spoken word must be to a name word to count as saying it. */
    private static final double SAYS_NAME = 0.9;

    /**
     * Whether the only name the spoken words clearly say is a given name of the case's people (a word of a name before
     * its last), no word of the title nor any surname: "open Sarah", "task Sarah pull the docket" name no case by
     * themselves, "Sarah Miller" or "the Margaret Johnson estate" do; a recogniser's slip near a surname ("the middle
     * or case") is no given name and keeps its score.
     */
    private static boolean givenNamesOnly(List<String> spoken, CaseEntry candidate) {
        List<String> anchors = new ArrayList<>(words(candidate.title()));
        List<String> given = new ArrayList<>();
        for (String name : candidate.names()) {
            List<String> w = words(name);
            if (!w.isEmpty()) {
                anchors.add(w.get(w.size() - 1));
                given.addAll(w.subList(0, w.size() - 1));
            }
        }
        given.removeAll(anchors);
        if (given.isEmpty()) {
            return false;
        }
        boolean saysGiven = false;
        for (String word : spoken) {
            double toAnchor = says(word, anchors);
            if (toAnchor >= SAYS_NAME) {
                return false;
            }
            double toGiven = says(word, given);
            saysGiven |= toGiven >= SAYS_NAME && toGiven > toAnchor;
        }
        return saysGiven;
    }

    /**
     * How closely one spoken word says a name word: an everyday English word or a word of three letters only by being
     * it ("status" is not "States", "truck" is not "Trucking", "wei" is not "Kowalczyk": a short word is like too many
     * names by a letter or a sound), any other word by spelling or sound ("Mueller" for "Miller"). Words run together
     * ("middle or") are matched by {@link #splitName}: together they are no English word.
     */
    private static double says(String word, List<String> names) {
        if (!CommonWords.contains(word) && word.length() > SHORT_WORD) {
            return best(word, names);
        }
        String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        return names.contains(word) || names.contains(singular) ? 1.0 : 0;
    }

    /**
     * How closely words run together say a name word about as long as they are; longer runs of words sound like any
     * name somewhere ("reviewing the landlord letter" is no "Delgado").
     */
    private static double splitName(String joined, List<String> names) {
        return best(joined, names.stream()
                .filter(n -> Math.abs(n.length() - joined.length()) <= SPLIT_LENGTH_SLACK).toList());
    }

    private static double best(String word, List<String> names) {
        double best = 0;
        for (String name : names) {
            best = Math.max(best, similarity(word, name));
            if (best == 1.0) {
                break;
            }
        }
        return best;
    }

    static double similarity(String a, String b) {
        return WordSimilarity.similarity(a, b);
    }
}
