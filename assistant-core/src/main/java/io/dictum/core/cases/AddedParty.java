package io.dictum.core.cases;

import io.dictum.core.conflicts.ConflictHit;
import java.util.List;

/** A party as added, with the conflict check run on its name: flagged for the attorney, never silently dropped. */
public record AddedParty(Party party, List<ConflictHit> conflicts) {
}
