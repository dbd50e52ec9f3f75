package io.dictum.web.speech.stream;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens from the {@code Authorization} header everywhere, and for the speech stream's WebSocket upgrade and
 * the notifications' server-sent events alone also from the {@code token} query parameter: browsers cannot set
 * headers on a WebSocket or an EventSource. The header wins when both are present. Anywhere else a {@code token}
 * parameter is ignored, so tokens do not spread into URLs (and access logs) beyond the places that need them.
 */
public final class StreamTokenConverter implements ServerAuthenticationConverter {

    public static final String STREAM_PATH = "/api/v1/speech/stream";
    public static final String NOTIFICATION_STREAM_PATH = "/api/v1/notifications/stream";

    private final ServerBearerTokenAuthenticationConverter headers = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return headers.convert(exchange).switchIfEmpty(Mono.defer(() -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (!STREAM_PATH.equals(path) && !NOTIFICATION_STREAM_PATH.equals(path)) {
                return Mono.empty();
            }
            String token = exchange.getRequest().getQueryParams().getFirst("token");
            return token == null || token.isBlank() ? Mono.empty()
                    : Mono.just(new BearerTokenAuthenticationToken(token.strip()));
        }));
    }
}
