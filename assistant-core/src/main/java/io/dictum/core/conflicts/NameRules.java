package io.dictum.core.conflicts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Name normalisation for conflict checks, driven by {@code name-rules.yaml}: case, accents and punctuation
 * ignored, "Last, First" turned round, titles and corporate suffixes dropped, nicknames known.
 */
public final class NameRules {

    record Data(List<String> ignoredWords, List<String> corporateSuffixes, List<List<String>> nicknames) {
    }

    private final Set<String> ignored = new HashSet<>();
    private final Set<String> suffixes = new HashSet<>();
    private final Map<String, Set<Integer>> nicknameFamilies = new HashMap<>();

    NameRules(Data data) {
        ignored.addAll(data.ignoredWords());
        data.corporateSuffixes().forEach(s -> suffixes.add(s.replace(" ", "")));
        for (int family = 0; family < data.nicknames().size(); family++) {
            for (String name : data.nicknames().get(family)) {
                nicknameFamilies.computeIfAbsent(name, n -> new HashSet<>()).add(family);
            }
        }
    }

    public static NameRules defaults() {
        try (InputStream in = NameRules.class.getResourceAsStream("name-rules.yaml")) {
            return new NameRules(new ObjectMapper(new YAMLFactory()).readValue(in, Data.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled conflict name rules cannot be read", e);
        }
    }

    /** The words that identify the person or organisation, lower case, in first-name-first order. */
    public List<String> words(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("['\u2019]", "");
        // "Smith, John" and "Smith, John A." are people written surname first; "Acme, Inc." is not.
        int comma = folded.indexOf(',');
        if (comma > 0 && folded.indexOf(',', comma + 1) < 0) {
            String after = folded.substring(comma + 1).replaceAll("[^a-z0-9 ]", " ").trim();
            if (!after.isEmpty() && !suffixes.contains(after.replace(" ", ""))) {
                folded = after + " " + folded.substring(0, comma);
            }
        }
        // "L.L.C." and "J.R.R." lose their dots before splitting, so the letters stay together.
        folded = folded.replaceAll("(?<=\\b[a-z])\\.(?=[a-z]\\b)", "");
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !ignored.contains(w) && !suffixes.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    public boolean nicknames(String a, String b) {
        Set<Integer> fa = nicknameFamilies.get(a);
        Set<Integer> fb = nicknameFamilies.get(b);
        return fa != null && fb != null && fa.stream().anyMatch(fb::contains);
    }
}
