package io.dictum.web.deadlines;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.deadlines.CaseEvent;
import io.dictum.core.deadlines.DeadlineStatus;
import io.dictum.core.deadlines.EventChange;
import io.dictum.core.deadlines.EventChangeResult;
import io.dictum.core.deadlines.DocketRequest;
import io.dictum.core.deadlines.DocketService;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.deadlines.DocketedEvent;
import io.dictum.web.paging.PageQuery;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class DocketController {

    private final DocketService docket;

    DocketController(DocketService docket) {
        this.docket = docket;
    }

    /** Dockets a trigger event on the case with the deadlines it sets off. */
    @PostMapping("/api/v1/cases/{id}/events")
    Mono<ResponseEntity<DocketedEvent>> docket(Actor actor, @PathVariable CaseId id,
                                               @RequestBody DocketRequest request) {
        return docket.docket(actor, id, request).map(e -> ResponseEntity
                .created(URI.create("/api/v1/deadlines?caseId=" + id)).body(e));
    }

    /** Re-dates a trigger; its deadlines are recomputed and the answer lists what moved and what did not. */
    @PatchMapping("/api/v1/cases/{id}/events/{eventId}")
    Mono<EventChangeResult> changeEvent(Actor actor, @PathVariable CaseId id, @PathVariable UUID eventId,
                                        @RequestBody EventChange change) {
        return docket.changeEvent(actor, id, eventId, change);
    }

    record StatusChange(DeadlineStatus status) {
    }

    /** Marks a deadline done or open again. */
    @PatchMapping("/api/v1/deadlines/{id}")
    Mono<DocketedDeadline> setStatus(Actor actor, @PathVariable UUID id, @RequestBody StatusChange change) {
        return docket.setStatus(actor, id, change == null ? null : change.status());
    }

    @GetMapping("/api/v1/cases/{id}/events")
    Flux<CaseEvent> events(Actor actor, @PathVariable CaseId id) {
        return docket.events(actor, id);
    }

    /** Docketed deadlines due between from and to, on one case or on every case the actor may see; paged. */
    @GetMapping("/api/v1/deadlines")
    Mono<ResponseEntity<List<DocketedDeadline>>> list(Actor actor, @RequestParam(required = false) CaseId caseId,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) DeadlineStatus status,
                                                      PageQuery paging) {
        return paging.answer(p -> docket.page(actor, Optional.ofNullable(caseId), from, to,
                Optional.ofNullable(status), p));
    }
}
