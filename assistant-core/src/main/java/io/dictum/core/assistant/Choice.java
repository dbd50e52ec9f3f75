package io.dictum.core.assistant;

import io.dictum.intents.EntityMatch;

/**
 * One candidate offered in a question: the match shown to the user, and words that describe it beyond its label
 * (a case's matter type, the year it was opened, its status), so that "the estate one" can pick it.
 */
public record Choice(String id, String label, double score, String details) {

    public static Choice of(EntityMatch match, String details) {
        return new Choice(match.id(), match.label(), match.score(), details == null ? "" : details);
    }

    public EntityMatch match() {
        return new EntityMatch(id, label, score);
    }
}
