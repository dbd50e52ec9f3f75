package io.dictum.web.ui;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy for the browser UI: scripts, styles, fonts, audio worklets and API calls come from
 * Dictum itself and nowhere else, no inline script runs, and no other site may frame the pages. Frames show only
 * blob: URLs: the document preview fetches a version with the bearer token and frames it from a blob; nothing is
 * framed from elsewhere, nor from Dictum's own URLs.
 */
@Component
class UiHeadersFilter implements WebFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " font-src 'self'; connect-src 'self'; media-src 'self' blob:; worker-src 'self'; frame-src blob:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") && !path.startsWith("/actuator/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", POLICY);
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
        }
        return chain.filter(exchange);
    }
}
