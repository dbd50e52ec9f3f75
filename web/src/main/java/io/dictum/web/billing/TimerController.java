package io.dictum.web.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.billing.StartTimer;
import io.dictum.core.billing.StopTimer;
import io.dictum.core.billing.TimeEntry;
import io.dictum.core.billing.TimerService;
import io.dictum.core.billing.TimerView;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's one timer. */
@RestController
class TimerController {

    private final TimerService timers;

    TimerController(TimerService timers) {
        this.timers = timers;
    }

    @PostMapping("/api/v1/timers/start")
    Mono<ResponseEntity<TimerView>> start(Actor actor, @RequestBody(required = false) StartTimer request) {
        return timers.start(actor, request).map(t -> ResponseEntity.created(URI.create("/api/v1/timers/current"))
                .body(t));
    }

    @PostMapping("/api/v1/timers/pause")
    Mono<TimerView> pause(Actor actor) {
        return timers.pause(actor);
    }

    @PostMapping("/api/v1/timers/resume")
    Mono<TimerView> resume(Actor actor) {
        return timers.resume(actor);
    }

    /** Stops the timer and answers the time entry it recorded. */
    @PostMapping("/api/v1/timers/stop")
    Mono<ResponseEntity<TimeEntry>> stop(Actor actor, @RequestBody(required = false) StopTimer request) {
        return timers.stop(actor, request).map(e -> ResponseEntity
                .created(URI.create("/api/v1/time-entries/" + e.id())).body(e));
    }

    /** The timer, or 204 when the user has none. */
    @GetMapping("/api/v1/timers/current")
    Mono<ResponseEntity<TimerView>> current(Actor actor) {
        return timers.current(actor).map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }

    /** Throws the timer away without recording time. */
    @DeleteMapping("/api/v1/timers/current")
    Mono<ResponseEntity<Void>> discard(Actor actor) {
        return timers.discard(actor).thenReturn(ResponseEntity.noContent().build());
    }
}
