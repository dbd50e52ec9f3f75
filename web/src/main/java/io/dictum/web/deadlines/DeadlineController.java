package io.dictum.web.deadlines;

import io.dictum.core.deadlines.ComputeRequest;
import io.dictum.core.deadlines.DeadlineComputation;
import io.dictum.core.deadlines.DeadlineService;
import io.dictum.core.deadlines.RuleSet;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/deadlines")
class DeadlineController {

    private final DeadlineService deadlines;

    DeadlineController(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** The deadlines a trigger sets off; computes only, stores nothing. */
    @PostMapping("/compute")
    Mono<DeadlineComputation> compute(@RequestBody ComputeRequest request) {
        return Mono.fromCallable(() -> deadlines.compute(request));
    }

    /** The rule sets, their triggers and rules, so a client can offer the choices. */
    @GetMapping("/rule-sets")
    List<RuleSetView> ruleSets() {
        return deadlines.library().all().stream().map(RuleSetView::of).toList();
    }

    record RuleSetView(String id, String title, Map<String, String> triggers, List<RuleView> rules) {
        static RuleSetView of(RuleSet s) {
            return new RuleSetView(s.id(), s.title(), s.triggers(), s.rules().stream()
                    .map(r -> new RuleView(r.id(), r.title(), r.trigger(), r.after(), r.period().toString(),
                            r.direction().name().toLowerCase(java.util.Locale.ROOT), r.threeDayRule(),
                            r.citation()))
                    .toList());
        }
    }

    record RuleView(String id, String title, String trigger, String after, String period, String direction,
                    boolean threeDayRule, String citation) {
    }
}
