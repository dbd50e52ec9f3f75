package io.dictum.core.assistant;

import io.dictum.core.access.Actor;
import io.dictum.core.index.CaseEntry;
import io.dictum.core.index.IndexService;
import io.dictum.core.index.NameSimilarity;
import io.dictum.intents.EntityMatch;
import io.dictum.intents.EntityResolver;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Resolves spoken case references for one actor through the search index: Lucene finds candidates (exact, fuzzy,
 * phonetic), {@link NameSimilarity} ranks them, and cases the actor may not see are never candidates. Blocking: the
 * caller runs it off the event loop.
 */
final class CaseResolver implements EntityResolver {

    /** Lucene is asked for more than the caller wants: its ranking is for recall, ours for precision. */
    private static final int CANDIDATES = 30;

    private final IndexService index;
    private final Actor actor;
    private final Set<String> screened;

    /** @param screened ids of the cases the actor is walled off from: never candidates */
    CaseResolver(IndexService index, Actor actor, Set<String> screened) {
        this.index = index;
        this.actor = actor;
        this.screened = screened;
    }

    @Override
    public List<EntityMatch> cases(String spokenReference, int limit) {
        List<String> words = NameSimilarity.words(spokenReference);
        if (words.isEmpty()) {
            return List.of();
        }
        Optional<String> onlyClient = actor.role().isFirmMember() ? Optional.empty()
                : Optional.of(actor.contactId().map(Object::toString).orElse("none"));
        List<CaseEntry> candidates = index.caseCandidates(words, onlyClient, CANDIDATES);
        List<Double> scores = NameSimilarity.scores(words, candidates);
        List<EntityMatch> ranked = IntStream.range(0, candidates.size())
                .mapToObj(i -> new EntityMatch(candidates.get(i).id(), candidates.get(i).title() + " ("
                        + candidates.get(i).number() + ")", scores.get(i)))
                .filter(m -> m.score() > 0)
                .sorted(Comparator.comparingDouble(EntityMatch::score).reversed())
                .toList();
        // The words best name a case behind a wall: answer "not found" rather than open the next best match,
        // which would be a guess the user never made.
        if (!ranked.isEmpty() && screened.contains(ranked.get(0).id())) {
            return List.of();
        }
        return ranked.stream().filter(m -> !screened.contains(m.id())).limit(limit).toList();
    }
}
