package io.dictum.intents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the firm's Lucene case resolver over the demo firm's thirteen cases: plain token overlap, no
 * spelling or sound tolerance. As in the firm's index, a case is found by its title and its client's name (a given
 * name alone, "Sarah", scores half: it does not settle a case). A reference
 * scores by the share of its words found in them, scaled by how much of them they cover, so "johnson" is as close to "Estate of Margaret Johnson" as to "Johnson v. Acme Insurance"
 * (an honest ambiguity) while "johnson versus acme" settles.
 */
final class DemoCaseResolver implements EntityResolver {

    static final List<String> TITLES = List.of("Miller v. Acme Trucking", "Johnson v. Acme Insurance",
            "Estate of Margaret Johnson", "Kowalczyk v. Northside Logistics", "Garcia v. Bayview Medical Center",
            "Garza Family Trust", "Delgado v. Acme Trucking", "United States v. Thompson",
            "Chen v. Brightline Software", "Okafor v. Lakeside Properties", "Rivera v. City of Springfield",
            "Patel Purchase of 14 Elm Street", "In re Marriage of Nguyen");
    /** Each case's client, in the order of {@link #TITLES}: the firm's index finds a case by its client's name too. */
    static final List<String> CLIENTS = List.of("Sarah Miller", "Robert Johnson", "David Johnson", "Anna Kowalczyk",
            "Maria Garcia", "Elena Garza", "Frank Delgado", "Marcus Thompson", "Wei Chen", "Chinedu Okafor",
            "Luis Rivera", "Raj Patel", "Linh Nguyen");

    private static final Set<String> NOISE = Set.of("v", "vs", "versus", "of", "in", "re", "the", "and");

    private final Map<String, String> titleById = new LinkedHashMap<>();
    private final Map<String, Set<String>> wordsById = new LinkedHashMap<>();
    private final Map<String, Set<String>> givenById = new LinkedHashMap<>();

    DemoCaseResolver() {
        for (int i = 0; i < TITLES.size(); i++) {
            String title = TITLES.get(i);
            String id = "case-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            titleById.put(id, title);
            wordsById.put(id, words(title + " " + CLIENTS.get(i)));
            Set<String> given = words(CLIENTS.get(i).substring(0, CLIENTS.get(i).lastIndexOf(' ')));
            given.removeAll(words(title));
            givenById.put(id, given);
        }
    }

    /** The title of a case id this resolver hands out. */
    String title(String id) {
        return titleById.get(id);
    }

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
        words.removeIf(w -> w.isEmpty() || NOISE.contains(w));
        return words;
    }

    @Override
    public List<EntityMatch> cases(String spokenReference, int limit) {
        Set<String> reference = words(spokenReference);
        if (reference.isEmpty()) {
            return List.of();
        }
        List<EntityMatch> matches = new ArrayList<>();
        wordsById.forEach((id, title) -> {
            // as the firm's analyser: a possessive, its apostrophe lost to the recogniser, is the name ("delgados case")
            List<String> found = reference.stream()
                    .map(w -> !title.contains(w) && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                    .filter(title::contains).toList();
            if (!found.isEmpty()) {
                double score = (double) found.size() / reference.size() * (0.75 + 0.25 * found.size() / title.size());
                // as the firm's index: a client's given name alone is too loose to settle ("Sarah" is also staff)
                if (givenById.get(id).containsAll(found)) {
                    score *= 0.5;
                }
                matches.add(new EntityMatch(id, titleById.get(id), Math.round(score * 1000) / 1000.0));
            }
        });
        matches.sort(Comparator.comparingDouble(EntityMatch::score).reversed());
        return matches.stream().limit(limit).toList();
    }
}
