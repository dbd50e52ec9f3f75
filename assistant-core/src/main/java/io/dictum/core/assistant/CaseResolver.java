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

    CaseResolver(IndexService index, Actor actor) {
        this.index = index;
        this.actor = actor;
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
        return candidates.stream()
                .map(c -> new EntityMatch(c.id(), c.title() + " (" + c.number() + ")", NameSimilarity.score(words, c)))
                .filter(m -> m.score() > 0)
                .sorted(Comparator.comparingDouble(EntityMatch::score).reversed())
                .limit(limit)
                .toList();
    }
}
