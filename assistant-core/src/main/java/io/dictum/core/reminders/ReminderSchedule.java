package io.dictum.core.reminders;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the sweeper every {@code dictum.reminders.interval} on one dedicated thread, one pass at a time; a failed
 * pass is logged and the next one tries again. Every node may run it: claims keep reminders single.
 */
@Component
class ReminderSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final ReminderSweeper sweeper;
    private final ReminderProperties properties;
    private Scheduler scheduler;
    private Disposable running;

    ReminderSchedule(ReminderSweeper sweeper, ReminderProperties properties) {
        this.sweeper = sweeper;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            log.info("Deadline reminders are off (DICTUM_REMINDERS_ENABLED=false)");
            return;
        }
        scheduler = Schedulers.newSingle("dictum-reminders", true);
        running = Flux.interval(Duration.ofSeconds(5), properties.interval(), scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> sweeper.sweep()
                        .doOnNext(s -> {
                            if (s.sent() > 0 || s.failed() > 0) {
                                log.info("Reminders: {} sent, {} failed, over {} open deadlines", s.sent(), s.failed(),
                                        s.deadlines());
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("A reminder sweep failed; the next one runs in {}", properties.interval(), e);
                            return reactor.core.publisher.Mono.empty();
                        }), 0)
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
        if (scheduler != null) {
            scheduler.dispose();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
