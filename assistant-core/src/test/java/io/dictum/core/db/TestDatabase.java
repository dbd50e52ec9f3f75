package io.dictum.core.db;

import io.r2dbc.pool.ConnectionPool;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import java.sql.DriverManager;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A migrated database for one test class: embedded H2 in a temporary directory, or a fresh schema in the
 * PostgreSQL named by {@code -Ddictum.test.postgres.url}, dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL_PROPERTY = "dictum.test.postgres.url";

    private final DatabaseSettings settings;
    private final ConnectionPool pool;
    public final DatabaseClient client;
    public final TransactionalOperator tx;

    private TestDatabase(DatabaseSettings settings) {
        this.settings = settings;
        this.pool = new DatabaseConfiguration().connectionFactory(settings);
        this.client = DatabaseClient.create(pool);
        this.tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    public static TestDatabase h2(Path dir) {
        return new TestDatabase(DatabaseSettings.embedded(dir));
    }

    /** The PostgreSQL URL given to this test run, or empty when PostgreSQL tests are switched off. */
    public static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getProperty(POSTGRES_URL_PROPERTY)).filter(s -> !s.isBlank());
    }

    /**
     * A fresh schema in the PostgreSQL given by {@code -Ddictum.test.postgres.url}; without it the calling test is
     * skipped, and the first skip says so loudly.
     */
    public static TestDatabase postgresOrSkip() {
        String url = postgresUrl().orElse(null);
        if (url == null && !skipAnnounced) {
            skipAnnounced = true;
            System.err.println("""
                    ******************************************************************************
                    * PostgreSQL repository tests SKIPPED: no -Ddictum.test.postgres.url given.   *
                    * Run ./mvnw verify -Ddictum.test.postgres.url=r2dbc:postgresql://127.0.0.1:5432/test *
                    ******************************************************************************""");
        }
        Assumptions.assumeTrue(url != null, "PostgreSQL tests need -Ddictum.test.postgres.url");
        return postgres(url);
    }

    private static volatile boolean skipAnnounced;

    public static TestDatabase postgres(String url) {
        String schema = "dictum_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new TestDatabase(new DatabaseSettings(url, System.getProperty("dictum.test.postgres.username",
                "postgres"), System.getProperty("dictum.test.postgres.password", ""), Optional.of(schema)));
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Another connection pool on the same database, as a second node or a restarted one has; the caller disposes it. */
    public ConnectionPool newPool() {
        return new DatabaseConfiguration().connectionFactory(settings);
    }

    @Override
    public void close() throws Exception {
        pool.dispose();
        if (settings.isPostgres() && settings.schema().isPresent()) {
            try (var c = DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
                 var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + settings.schema().get() + " CASCADE");
            }
        }
        if (settings.isH2()) {
            try (var c = DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
                 var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
