package io.dictum.web.audit;

import io.dictum.core.audit.AuditOrigin;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts where each request came from into the Reactor context, for the audit trail's "from where". */
@Component
class AuditOriginFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                .map(InetSocketAddress::getAddress).map(a -> a.getHostAddress()).orElse("unknown");
        String agent = Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT))
                .map(a -> a.length() > 120 ? a.substring(0, 120) : a).orElse("no user agent");
        AuditOrigin origin = new AuditOrigin(address + " " + agent);
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(AuditOrigin.class, origin));
    }
}
