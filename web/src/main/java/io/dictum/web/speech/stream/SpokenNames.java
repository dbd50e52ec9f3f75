package io.dictum.web.speech.stream;

import io.dictum.speech.ModelVocabulary;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How the firm's names are said, in words the speech model can output. A grammar can only produce words of the
 * model's lexicon, so a name outside it is spelt with sound-alikes that are inside: first as two known words
 * ("brightline" as "bright line"), else as the known word that sounds the same (Double Metaphone) and is spelt
 * closest. The case resolver already finds cases from such renderings (it joins adjacent words and compares
 * sounds), so the command still lands on the right case.
 */
final class SpokenNames {

    private static final Set<String> SUFFIXES = Set.of("inc", "llc", "llp", "co", "corp", "corporation", "ltd",
            "company", "pc", "pllc", "lp");
    private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "judge", "officer", "hon");
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private final ModelVocabulary vocabulary;
    private final Map<String, Optional<String>> rendered = new HashMap<>();
    private Map<String, List<String>> byCode;

    SpokenNames(ModelVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Ways to say a case: its title, each side of "X v. Y" and its first word, "X versus" the first word of Y
     * ("Johnson versus Acme"), and its client's name and surname.
     */
    List<String> caseForms(String title, Optional<String> clientName, boolean clientIsPerson) {
        Set<String> forms = new LinkedHashSet<>();
        String t = words(title);
        add(forms, t);
        String[] sides = t.split(" versus ");
        for (String side : sides) {
            add(forms, side);
            add(forms, side.split(" ")[0]);
        }
        if (sides.length == 2) {
            add(forms, sides[0] + " versus " + sides[1].split(" ")[0]);
        }
        clientName.ifPresent(name -> forms.addAll(nameForms(name, clientIsPerson)));
        return List.copyOf(forms);
    }

    /** A contact's name as said: the whole name without titles or corporate suffixes; a person's surname too. */
    List<String> nameForms(String name, boolean person) {
        Set<String> forms = new LinkedHashSet<>();
        List<String> w = new ArrayList<>(List.of(words(name).split(" ")));
        w.removeIf(x -> x.isEmpty() || TITLES.contains(x));
        while (w.size() > 1 && SUFFIXES.contains(w.get(w.size() - 1))) {
            w.remove(w.size() - 1);
        }
        if (w.isEmpty()) {
            return List.of();
        }
        add(forms, String.join(" ", w));
        if (person && w.size() > 1) {
            add(forms, w.get(w.size() - 1));
        }
        return List.copyOf(forms);
    }

    /** Lower case words, "v." as "versus", "&" as "and", without accents and punctuation. */
    static String words(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = s.replaceAll("\\b(v|vs)\\.?(?=\\s)", " versus ").replace("&", " and ").replace("'", "");
        return s.replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** Adds the form spelt with known words, unless a word cannot be said (a number) or rendered. */
    private void add(Set<String> forms, String form) {
        if (form.isBlank()) {
            return;
        }
        List<String> out = new ArrayList<>();
        for (String word : form.strip().split(" ")) {
            if (word.chars().anyMatch(Character::isDigit)) {
                return;
            }
            Optional<String> r = render(word);
            if (r.isEmpty()) {
                return;
            }
            out.add(r.get());
        }
        forms.add(String.join(" ", out));
    }

    /** The word itself when the model knows it, else known sound-alike words, else empty. */
    synchronized Optional<String> render(String word) {
        if (vocabulary.contains(word)) {
            return Optional.of(word);
        }
        return rendered.computeIfAbsent(word, this::soundAlike);
    }

    private Optional<String> soundAlike(String word) {
        // two known words, the shorter part as long as possible: "brightline" -> "bright line"
        String best = null;
        int bestShorter = 0;
        for (int i = 3; i <= word.length() - 3; i++) {
            String a = word.substring(0, i);
            String b = word.substring(i);
            int shorter = Math.min(a.length(), b.length());
            if (vocabulary.contains(a) && vocabulary.contains(b) && shorter > bestShorter) {
                best = a + " " + b;
                bestShorter = shorter;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        String code = METAPHONE.doubleMetaphone(word);
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        return codes().getOrDefault(code, List.of()).stream()
                .min(Comparator.comparingInt((String w) -> distance(w, word)).thenComparing(Comparator.naturalOrder()));
    }

    private Map<String, List<String>> codes() {
        if (byCode == null) {
            Map<String, List<String>> map = new HashMap<>();
            for (String w : vocabulary.words()) {
                if (w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    map.computeIfAbsent(METAPHONE.doubleMetaphone(w), k -> new ArrayList<>()).add(w);
                }
            }
            byCode = map;
        }
        return byCode;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
