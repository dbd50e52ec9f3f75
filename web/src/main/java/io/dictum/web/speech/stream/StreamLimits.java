package io.dictum.web.speech.stream;

import io.dictum.core.users.UserId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Counts open streams, in total and per user, and admits a new one only within the configured limits. */
@Component
public class StreamLimits {

    /** An admitted stream's place; release it exactly once, when the stream ends (further calls do nothing). */
    public final class Lease {
        private final UserId user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(UserId user) {
            this.user = user;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                perUser.computeIfPresent(user, (u, n) -> n.decrementAndGet() <= 0 ? null : n);
                total.decrementAndGet();
            }
        }
    }

    /** Why a stream was not admitted. */
    public enum Refusal { SERVER_FULL, USER_LIMIT }

    private final StreamProperties properties;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<UserId, AtomicInteger> perUser = new ConcurrentHashMap<>();

    public StreamLimits(StreamProperties properties) {
        this.properties = properties;
    }

    /** A lease, or the reason there is none. */
    public record Admission(Optional<Lease> lease, Refusal refusal) {
    }

    public Admission admit(UserId user) {
        if (total.incrementAndGet() > properties.maxStreams()) {
            total.decrementAndGet();
            return new Admission(Optional.empty(), Refusal.SERVER_FULL);
        }
        boolean[] admitted = {false};
        perUser.compute(user, (u, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < properties.maxStreamsPerUser()) {
                count.incrementAndGet();
                admitted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return new Admission(Optional.empty(), Refusal.USER_LIMIT);
        }
        return new Admission(Optional.of(new Lease(user)), null);
    }

    /** Streams open now. */
    public int open() {
        return total.get();
    }

    public int open(UserId user) {
        AtomicInteger n = perUser.get(user);
        return n == null ? 0 : n.get();
    }
}
