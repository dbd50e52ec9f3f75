package io.dictum.web.calendar;

import io.dictum.core.access.Actor;
import io.dictum.core.calendar.CalendarFeed;
import io.dictum.core.calendar.CalendarFeedService;
import io.dictum.core.calendar.NewCalendarFeed;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Calendar feeds: managed with the bearer token, fetched by calendar programs with the secret URL alone. */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final CalendarFeedService feeds;

    CalendarController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    /** A new feed; its url (absolute, as this request reached the server) is shown this once. */
    @PostMapping("/api/v1/calendar/feeds")
    Mono<ResponseEntity<CalendarFeed>> create(Actor actor, @RequestBody(required = false) NewCalendarFeed request,
                                              ServerWebExchange exchange) {
        return feeds.create(actor, request).map(f -> {
            String url = UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(f.url())
                    .replaceQuery(null).build().toUriString();
            return ResponseEntity.created(URI.create("/api/v1/calendar/feeds/" + f.id()))
                    .body(new CalendarFeed(f.id(), f.caseId(), f.createdAt(), url));
        });
    }

    @GetMapping("/api/v1/calendar/feeds")
    Flux<CalendarFeed> list(Actor actor) {
        return feeds.list(actor);
    }

    @DeleteMapping("/api/v1/calendar/feeds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(Actor actor, @PathVariable UUID id) {
        return feeds.revoke(actor, id);
    }

    /** The calendar itself: no bearer token (calendar programs cannot send one); the secret in the path decides. */
    @GetMapping("/api/v1/calendar/{token}.ics")
    Mono<ResponseEntity<String>> calendar(@PathVariable String token) {
        return feeds.render(token).map(ics -> ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(ics));
    }
}
