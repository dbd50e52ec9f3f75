package io.dictum.web.paging;

import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * The page a list request asks for, as {@link PagingParameters} read it: {@code page}, {@code size} (the list's
 * default when absent), {@code sort}, whether any of the three was named at all, and the request's own path and
 * query, from which the Link header's pages are built.
 *
 * <p>The range checks of {@link PageRequest} run when the list is read, not when the parameters are: an endpoint's
 * own checks and its later parameters come first, so a request wrong in several ways hears of the same problem
 * first as it always has.
 */
public record PageQuery(int page, int size, Optional<String> sort, boolean named, String path, String rawQuery) {

    public PageRequest request() {
        return PageRequest.of(page, size, sort.orElse(null));
    }

    /** The page {@code read} answers, as a JSON array with its {@code X-Total-Count} and {@code Link} headers. */
    public <T> Mono<ResponseEntity<List<T>>> answer(Function<PageRequest, Mono<Page<T>>> read) {
        return Mono.fromCallable(this::request).flatMap(read).map(p -> PageResponses.of(p, this));
    }
}
