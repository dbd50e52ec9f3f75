package io.dictum.web.search;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.index.SearchHit;
import io.dictum.core.search.SearchService;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SearchController {

    /** {@code ranking}: {@code hybrid}, or {@code bm25} (also while hybrid search still builds its vectors). */
    record SearchResults(String query, String ranking, List<Hit> hits) {
    }

    /** A hit as sent: {@code type} repeats {@code kind}, the name clients of the first version read. */
    record Hit(String kind, String type, String id, String caseId, String title, String link, float score,
               List<String> highlights) {
        static Hit of(SearchHit h) {
            return new Hit(h.kind(), h.kind(), h.id(), h.caseId(), h.title(), h.link(), h.score(), h.highlights());
        }
    }

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    Mono<SearchResults> search(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) CaseId caseId,
                               @RequestParam(defaultValue = "20") int limit) {
        return search.search(actor, q, Optional.ofNullable(caseId), limit)
                .map(hits -> new SearchResults(q, search.ranking(q), hits.stream().map(Hit::of).toList()));
    }
}
