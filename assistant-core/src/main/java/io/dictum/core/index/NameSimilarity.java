package io.dictum.core.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    public static double score(List<String> spoken, CaseEntry candidate) {
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
                String joined = String.join("", spoken.subList(end - run, end));
                best[end] = Math.max(best[end], best[end - run] + run * best(joined, names));
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
            double toAnchor = best(word, anchors);
            if (toAnchor >= SAYS_NAME) {
                return false;
            }
            double toGiven = best(word, given);
            saysGiven |= toGiven >= SAYS_NAME && toGiven > toAnchor;
        }
        return saysGiven;
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
