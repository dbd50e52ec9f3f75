package io.dictum.core.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class CaseServiceLookup implements CaseLookup {

    private final CaseService cases;

    CaseServiceLookup(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public Mono<LegalCase> get(Actor actor, CaseId id) {
        return cases.get(actor, id);
    }
}
