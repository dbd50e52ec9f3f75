package io.dictum.web.conflicts;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.conflicts.ConflictHit;
import io.dictum.core.conflicts.ConflictService;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/conflicts")
class ConflictController {

    /** The name to check and, optionally, the role it is about to take (opposing_party flags former clients). */
    record CheckRequest(String name, PartyRole role) {
    }

    record CheckResult(String name, List<ConflictHit> hits) {
    }

    private final ConflictService conflicts;

    ConflictController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @PostMapping("/check")
    Mono<CheckResult> check(Actor actor, @RequestBody CheckRequest request) {
        return conflicts.check(actor, request.name(), Optional.ofNullable(request.role()))
                .map(hits -> new CheckResult(request.name(), hits));
    }
}
