package io.dictum.core.conflicts;

import java.util.List;

/** How well two names match, in [0, 1], and why, in words a conflicts clerk reads. */
public record NameMatch(double score, List<String> reasons) {
}
