package io.dictum.web.speech.stream;

import io.netty.channel.EventLoop;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.lang.Nullable;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyOutbound;

/**
 * Upgrades a connection to WebSocket on the connection's own event loop.
 *
 * <p>Reactor Netty hands the connection from the HTTP request to the WebSocket in a listener of the handshake
 * response's write. Started on another thread, as happens whenever the sign-in check finishes on a database thread,
 * that listener may only run after the event loop has already read the client's first frame, sent the moment the
 * 101 response arrived; the frame then goes to the finished HTTP request and is dropped. On the event loop the
 * listener runs as part of the same write, before anything more is read.
 */
final class EventLoopUpgradeStrategy implements RequestUpgradeStrategy {

    private final RequestUpgradeStrategy delegate;

    EventLoopUpgradeStrategy(RequestUpgradeStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        Mono<Void> upgrade = Mono.defer(() -> delegate.upgrade(exchange, handler, subProtocol, handshakeInfoFactory));
        EventLoop loop = eventLoop(exchange);
        return loop == null || loop.inEventLoop() ? upgrade : upgrade.subscribeOn(Schedulers.fromExecutor(loop));
    }

    /** The event loop of the exchange's connection, or null when it is not served by Reactor Netty. */
    @Nullable
    static EventLoop eventLoop(ServerWebExchange exchange) {
        Object response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        if (!(response instanceof NettyOutbound outbound)) {
            return null;
        }
        AtomicReference<EventLoop> loop = new AtomicReference<>();
        outbound.withConnection(connection -> loop.set(connection.channel().eventLoop()));
        return loop.get();
    }
}
