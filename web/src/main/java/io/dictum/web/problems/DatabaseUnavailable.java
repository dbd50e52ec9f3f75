package io.dictum.web.problems;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The database out of reach (stopped, restarting, network cut) is a 503 with Retry-After, not a 500: the client can
 * simply try again. Also catches it where no controller is involved, such as the token check in the security filter.
 */
@Component
@Order(-2) // before Spring Boot's error handler, which would answer 500 in its own format
public class DatabaseUnavailable implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final String TITLE = "Database unavailable";
    static final String DETAIL = "The database cannot be reached just now. Try again in a few seconds; if this"
            + " request changed something, check whether it took effect before repeating it.";

    private final Problems problems;

    public DatabaseUnavailable(Problems problems) {
        this.problems = problems;
    }

    /** Whether the error, or anything that caused it, says the database could not be reached. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
                    || t instanceof ConnectException
                    || t.getClass().getName().startsWith("io.r2dbc.pool.PoolAcquire")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!is(ex) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        log.warn("Database unavailable for {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex.toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL);
    }
}
