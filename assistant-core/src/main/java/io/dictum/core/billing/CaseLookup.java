package io.dictum.core.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.LegalCase;
import reactor.core.publisher.Mono;

/**
 * A case the actor may see, or a not-found: {@link io.dictum.core.cases.CaseService#get} in the application, a
 * repository look-up in tests.
 */
@FunctionalInterface
public interface CaseLookup {
    Mono<LegalCase> get(Actor actor, CaseId id);
}
