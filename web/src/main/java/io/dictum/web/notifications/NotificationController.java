package io.dictum.web.notifications;

import io.dictum.core.access.Actor;
import io.dictum.core.notifications.Notification;
import io.dictum.core.notifications.NotificationService;
import io.dictum.web.paging.PageQuery;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in user's in-app notifications, listed, marked read, and live as server-sent events. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final NotificationService notifications;
    private final Duration poll;
    private final Duration heartbeat;

    NotificationController(NotificationService notifications,
                           @Value("${dictum.notifications.stream-poll:10s}") Duration poll,
                           @Value("${dictum.notifications.stream-heartbeat:25s}") Duration heartbeat) {
        this.notifications = notifications;
        this.poll = poll;
        this.heartbeat = heartbeat;
    }

    @GetMapping
    Mono<ResponseEntity<List<Notification>>> list(Actor actor, @RequestParam(defaultValue = "false") boolean unread,
                                                  PageQuery paging) {
        return paging.answer(p -> notifications.page(actor, unread, p));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> read(Actor actor, @PathVariable UUID id) {
        return notifications.markRead(actor, id);
    }

    /**
     * New notifications as {@code event: notification} with the JSON as data, and a comment now and then so that
     * proxies keep the connection open. EventSource reconnects by itself; read {@code GET ?unread=true} after it
     * does to catch up.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Notification>> stream(Actor actor) {
        Flux<ServerSentEvent<Notification>> events = notifications.stream(actor, poll)
                .map(n -> ServerSentEvent.builder(n).id(n.id().toString()).event("notification").build());
        Flux<ServerSentEvent<Notification>> beats = Flux.interval(heartbeat)
                .map(i -> ServerSentEvent.<Notification>builder().comment("keep-alive").build());
        // the stream is subscribed first, so anything made after "connected" arrives
        return Flux.merge(events, Flux.just(ServerSentEvent.<Notification>builder().comment("connected").build()),
                beats);
    }
}
