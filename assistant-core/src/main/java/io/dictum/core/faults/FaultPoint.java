package io.dictum.core.faults;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Named points on the write paths where the fault drill ({@code scripts/fault-drill}, {@code ProcessKillTest}) kills
 * the process, so that the kill lands exactly between two steps instead of wherever timing puts it. Inert unless the
 * JVM is started with the test-only system property {@code -Ddictum.test.pause-at=NAME[,NAME...]}: then every request
 * reaching a listed point prints {@code FAULT POINT NAME reached} on standard output and waits there until the process
 * is killed. Without the property {@link #reach} is an empty Mono.
 */
public final class FaultPoint {

    /** After the upload is in {@code DATA_DIR/tmp}, before it is hashed and stored. */
    public static final String UPLOAD_RECEIVED = "upload.received";
    /** After the contents are sealed into the store, before their rows are committed. */
    public static final String UPLOAD_STORED = "upload.stored";
    /** Inside a docketing's transaction, after the event row and before its deadlines. */
    public static final String DOCKET_EVENT_INSERTED = "docket.event-inserted";

    private static final Set<String> PAUSE_AT = Set.of(System.getProperty("dictum.test.pause-at", "").split(","));

    private FaultPoint() {
    }

    public static Mono<Void> reach(String name) {
        if (!PAUSE_AT.contains(name)) {
            return Mono.empty();
        }
        return Mono.<Void>fromRunnable(() -> {
            System.out.println("FAULT POINT " + name + " reached");
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
