package io.dictum.core.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

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

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

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
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() <= 2 || b.length() <= 2) {
            return 0;
        }
        double spelling = jaroWinkler(a, b);
        double sound = 0;
        for (boolean alternate : new boolean[] {false, true}) {
            String ca = METAPHONE.doubleMetaphone(a, alternate);
            String cb = METAPHONE.doubleMetaphone(b, alternate);
            if (ca != null && cb != null && !ca.isEmpty() && !cb.isEmpty()) {
                sound = Math.max(sound, ca.equals(cb) ? 1.0 : jaroWinkler(ca, cb));
            }
        }
        // Same sound is strong evidence but not proof (Jon/John); it never outranks an exact spelling.
        return Math.max(spelling, 0.9 * sound);
    }

    static double jaroWinkler(String s1, String s2) {
        int window = Math.max(0, Math.max(s1.length(), s2.length()) / 2 - 1);
        boolean[] m1 = new boolean[s1.length()];
        boolean[] m2 = new boolean[s2.length()];
        int matches = 0;
        for (int i = 0; i < s1.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(s2.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!m2[j] && s1.charAt(i) == s2.charAt(j)) {
                    m1[i] = true;
                    m2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, k = 0; i < s1.length(); i++) {
            if (m1[i]) {
                while (!m2[k]) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / s1.length() + m / s2.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(s1.length(), s2.length())) && s1.charAt(prefix) == s2.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
