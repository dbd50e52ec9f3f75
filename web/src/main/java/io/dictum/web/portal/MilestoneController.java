package io.dictum.web.portal;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.portal.Milestone;
import io.dictum.core.portal.MilestonePatch;
import io.dictum.core.portal.MilestoneService;
import io.dictum.core.portal.NewMilestone;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class MilestoneController {

    private final MilestoneService milestones;

    MilestoneController(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @GetMapping("/api/v1/cases/{id}/milestones")
    Flux<Milestone> list(Actor actor, @PathVariable CaseId id) {
        return milestones.list(actor, id);
    }

    @PostMapping("/api/v1/cases/{id}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Milestone> add(Actor actor, @PathVariable CaseId id, @RequestBody NewMilestone milestone) {
        return milestones.add(actor, id, milestone);
    }

    @PatchMapping("/api/v1/cases/{id}/milestones/{milestoneId}")
    Mono<Milestone> update(Actor actor, @PathVariable CaseId id, @PathVariable UUID milestoneId,
                           @RequestBody MilestonePatch patch) {
        return milestones.update(actor, id, milestoneId, patch);
    }
}
