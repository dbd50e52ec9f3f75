package io.dictum.core.names;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How alike two lower-case words are, in [0, 1], by spelling (Jaro-Winkler) and by sound (Double Metaphone).
 * Shared by spoken case resolution and conflict checks, which both meet names that were misheard or misspelt.
 */
public final class WordSimilarity {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private WordSimilarity() {
    }

    public static double similarity(String a, String b) {
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

    public static double jaroWinkler(String s1, String s2) {
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

    /** True when the words share a Double Metaphone code (primary or alternate): Jon and John, Smyth and Smith. */
    public static boolean soundAlike(String a, String b) {
        if (a.length() <= 1 || b.length() <= 1) {
            return false;
        }
        String pa = METAPHONE.doubleMetaphone(a, false);
        String pb = METAPHONE.doubleMetaphone(b, false);
        String aa = METAPHONE.doubleMetaphone(a, true);
        String ab = METAPHONE.doubleMetaphone(b, true);
        return !pa.isEmpty() && (pa.equals(pb) || pa.equals(ab) || aa.equals(pb) || aa.equals(ab));
    }

    /**
     * Edits between the words, counting a swap of two neighbouring letters as one edit (optimal string alignment):
     * typing and transcription errors are mostly one such edit.
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
