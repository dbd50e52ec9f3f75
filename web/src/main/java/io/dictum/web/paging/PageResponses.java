package io.dictum.web.paging;

import io.dictum.core.paging.Page;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lists stay JSON arrays, as the first clients read them; the page around them travels in headers:
 * {@code X-Total-Count} (items in the whole list) and an RFC 8288 {@code Link} header with {@code first},
 * {@code prev}, {@code next} and {@code last} pages, each the request's own URL with another {@code page}.
 */
public final class PageResponses {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PageResponses() {
    }

    static <T> ResponseEntity<List<T>> of(Page<T> page, PageQuery request) {
        long lastPage = Math.max(0, (page.total() - 1) / page.size());
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, "first"));
        if (page.page() > 0) {
            links.add(link(request, Math.min(page.page() - 1, lastPage), "prev"));
        }
        if (page.page() < lastPage) {
            links.add(link(request, page.page() + 1, "next"));
        }
        links.add(link(request, lastPage, "last"));
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(page.total()))
                .header("Link", String.join(", ", links))
                .body(page.items());
    }

    private static String link(PageQuery request, long page, String rel) {
        String uri = UriComponentsBuilder.fromPath(request.path()).query(request.rawQuery())
                .replaceQueryParam("page", page).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
