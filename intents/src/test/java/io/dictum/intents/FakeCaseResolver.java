package io.dictum.intents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory stand-in for the Lucene case index: answers only the references it was told about, and records calls. */
final class FakeCaseResolver implements EntityResolver {

    static final EntityMatch MILLER = new EntityMatch("case-miller", "Miller v. Smith Trucking", 0.93);
    static final EntityMatch JOHNSON = new EntityMatch("case-johnson", "Johnson v. Acme Corp.", 0.97);
    static final EntityMatch KOWALCZYK = new EntityMatch("case-kowalczyk", "In re Kowalczyk", 0.95);
    static final EntityMatch CASE_NUMBER = new EntityMatch("case-2024-cv-0012", "2024-CV-0012 Doe v. City", 1.0);

    private final Map<String, List<EntityMatch>> answers = new HashMap<>();
    final List<String> queries = new ArrayList<>();
    final List<Integer> limits = new ArrayList<>();

    /** A small firm: Miller, Johnson v. Acme, Kowalczyk and one case known by its number. */
    static FakeCaseResolver firm() {
        return new FakeCaseResolver()
                .answer("miller", MILLER)
                // what a phonetic index makes of a recogniser slip for "Miller"
                .answer("middle or", new EntityMatch(MILLER.id(), MILLER.label(), 0.71))
                .answer("johnson versus acme", JOHNSON)
                .answer("johnson", new EntityMatch(JOHNSON.id(), JOHNSON.label(), 0.88))
                .answer("kowalczyk", KOWALCZYK)
                .answer("2024-cv-0012", CASE_NUMBER);
    }

    FakeCaseResolver answer(String reference, EntityMatch... matches) {
        answers.put(reference, List.of(matches));
        return this;
    }

    @Override
    public List<EntityMatch> cases(String spokenReference, int limit) {
        queries.add(spokenReference);
        limits.add(limit);
        return answers.getOrDefault(spokenReference, List.of()).stream().limit(limit).toList();
    }
}
