package io.dictum.web.search;

import io.dictum.core.access.Actor;
import io.dictum.core.search.SearchService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** For administrators: how search ranks now and how far the background vector build has come. */
@RestController
class SearchStatusController {

    private final SearchService search;

    SearchStatusController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/v1/admin/search/status")
    Mono<SearchService.Status> status(Actor actor) {
        return search.status(actor);
    }
}
