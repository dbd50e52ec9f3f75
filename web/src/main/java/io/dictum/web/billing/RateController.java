package io.dictum.web.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.billing.NewRate;
import io.dictum.core.billing.Rate;
import io.dictum.core.billing.RateService;
import io.dictum.core.billing.ResolvedRate;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class RateController {

    private final RateService rates;

    RateController(RateService rates) {
        this.rates = rates;
    }

    @GetMapping("/api/v1/rates")
    Flux<Rate> list(Actor actor) {
        return rates.list(actor);
    }

    /** Sets the rate for its key, replacing an earlier one with the same user, case and matter type. */
    @PostMapping("/api/v1/rates")
    Mono<ResponseEntity<Rate>> set(Actor actor, @RequestBody NewRate request) {
        return rates.set(actor, request).map(r -> ResponseEntity.created(URI.create("/api/v1/rates")).body(r));
    }

    @DeleteMapping("/api/v1/rates/{id}")
    Mono<ResponseEntity<Void>> delete(Actor actor, @PathVariable UUID id) {
        return rates.delete(actor, id).thenReturn(ResponseEntity.noContent().build());
    }

    /** Which rate applies to a user on a case, and why. */
    @GetMapping("/api/v1/rates/resolve")
    Mono<ResolvedRate> resolve(Actor actor, @RequestParam UserId userId, @RequestParam CaseId caseId) {
        return rates.resolve(actor, userId, caseId);
    }
}
