package io.dictum.core.notifications;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The firm's in-app notifications, for any feature (deadline reminders now, client-visible milestones later). Access
 * is applied twice: nothing is made for a recipient who may not see its case (a client of another case, a user
 * behind an ethical wall), and every read filters again by the recipient's current access.
 */
@Service
public class NotificationService {

    /** The most a stream reads at once: more than arrive between two of its reads. */
    private static final int MAX_RESULTS = 200;
    /** Rows committed a little out of order on another connection are still picked up by the stream's next read. */
    private static final Duration STREAM_MARGIN = Duration.ofSeconds(30);

    private final NotificationRepository repository;
    private final UserRepository users;
    private final CaseService cases;
    private final Clock clock;
    /** Which recipient has something new on this node; the database stays the source of what. */
    private final Sinks.Many<UserId> arrivals = Sinks.many().multicast().directBestEffort();

    public NotificationService(NotificationRepository repository, UserRepository users, CaseService cases,
                               Clock clock) {
        this.repository = repository;
        this.users = users;
        this.cases = cases;
        this.clock = clock;
    }

    public static Actor actorOf(User user) {
        return new Actor(user.id(), user.username(), user.role(), user.contactId());
    }

    /** Stores the notification and wakes the recipient's live streams; empty when the recipient may not have it. */
    public Mono<Notification> send(NewNotification request) {
        return store(request).doOnNext(n -> announce(n.recipientId()));
    }

    /**
     * Stores without waking streams, for callers that write inside their own transaction and call
     * {@link #announce} after it commits. Empty when the recipient is unknown or may not see the case.
     */
    public Mono<Notification> store(NewNotification request) {
        if (request == null || request.recipientId() == null || blank(request.kind()) || blank(request.title())) {
            return Mono.error(new InvalidInputException("A notification needs a recipient, a kind and a title."));
        }
        return users.findById(request.recipientId()).filterWhen(user -> mayHave(user, request)).flatMap(user -> {
            Notification n = new Notification(UUID.randomUUID(), user.id(), clip(request.kind(), 60),
                    clip(request.title(), 300), clip(request.body(), 4000), clip(request.link(), 500),
                    request.caseId(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), null);
            return repository.insert(n).thenReturn(n);
        });
    }

    public void announce(UserId recipient) {
        arrivals.emitNext(recipient, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200)));
    }

    private Mono<Boolean> mayHave(User user, NewNotification request) {
        if (request.caseId() == null) {
            return Mono.just(true);
        }
        return cases.get(actorOf(user), request.caseId()).hasElement()
                .onErrorReturn(NotFoundException.class, false);
    }

    /** A page of the actor's notifications (only the unread ones when asked), newest first by default. */
    public Mono<Page<Notification>> page(Actor actor, boolean unreadOnly, PageRequest request) {
        CaseFilter visible = CaseFilter.of(actor);
        return repository.page(actor.userId(), visible, unreadOnly, request).collectList()
                .zipWith(repository.count(actor.userId(), visible, unreadOnly),
                        (items, total) -> new Page<>(items, total, request.page(), request.size()));
    }

    public Mono<Void> markRead(Actor actor, UUID id) {
        return repository.markRead(id, actor.userId(), CaseFilter.of(actor), OffsetDateTime.now(clock))
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new NotFoundException("No notification "
                        + id + " of yours; list them with GET /api/v1/notifications.")));
    }

    /**
     * Notifications made for the actor from now on, as they arrive: woken at once by sends on this node, and by a
     * read every {@code poll} for sends on other nodes. Each is read back through the actor's current access.
     */
    public Flux<Notification> stream(Actor actor, Duration poll) {
        return Flux.defer(() -> {
            Map<UUID, OffsetDateTime> seen = new LinkedHashMap<>();
            OffsetDateTime connectedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            OffsetDateTime[] cursor = {connectedAt};
            Flux<Object> wakeUps = Flux.merge(arrivals.asFlux().filter(actor.userId()::equals),
                    Flux.interval(poll, poll));
            return wakeUps.onBackpressureLatest().concatMap(w -> repository.find(actor.userId(),
                            CaseFilter.of(actor), false, Optional.of(cursor[0].minus(STREAM_MARGIN)), MAX_RESULTS)
                    .collectList()
                    .flatMapMany(found -> {
                        List<Notification> fresh = new ArrayList<>();
                        for (int i = found.size() - 1; i >= 0; i--) {
                            Notification n = found.get(i);
                            if (!seen.containsKey(n.id()) && !n.createdAt().isBefore(connectedAt)) {
                                seen.put(n.id(), n.createdAt());
                                fresh.add(n);
                                if (n.createdAt().isAfter(cursor[0])) {
                                    cursor[0] = n.createdAt();
                                }
                            }
                        }
                        forgetOlderThan(seen, cursor[0].minus(STREAM_MARGIN.multipliedBy(2)));
                        return Flux.fromIterable(fresh);
                    }), 1);
        });
    }

    private static void forgetOlderThan(Map<UUID, OffsetDateTime> seen, OffsetDateTime limit) {
        for (Iterator<OffsetDateTime> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(limit)) {
                it.remove();
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
