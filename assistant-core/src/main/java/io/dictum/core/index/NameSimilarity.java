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
        return mean * mean;
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
