package io.dictum.intents;

import java.util.List;

/**
 * Looks entities up for a spoken reference. The intents module knows no database; assistant-core implements this
 * with its Lucene index. Scores must be comparable across calls: 1.0 is an exact match, below about 0.5 is noise.
 */
public interface EntityResolver {

    /** Cases that the words may refer to ("miller", "johnson versus acme", "middle or"), best first. */
    List<EntityMatch> cases(String spokenReference, int limit);
}
