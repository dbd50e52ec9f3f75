package io.dictum.core.db;

import io.dictum.core.DictumProperties;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool, created only after Flyway has migrated the schema, so nothing can touch a half-migrated
 * database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseSettings databaseSettings(DictumProperties properties) {
        DictumProperties.Db db = properties.db();
        if (db.url() == null || db.url().isBlank()) {
            return DatabaseSettings.embedded(properties.dataDir());
        }
        return new DatabaseSettings(db.url(), db.username(), db.password(),
                Optional.ofNullable(db.schema()).filter(s -> !s.isBlank()));
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseSettings settings) {
        migrate(settings);
        ConnectionFactory raw = settings.isH2() ? h2(settings) : generic(settings);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(raw)
                .initialSize(2)
                .maxSize(settings.isH2() ? 8 : 20)
                .maxIdleTime(Duration.ofMinutes(10))
                .maxAcquireTime(Duration.ofSeconds(10))
                .validationQuery("SELECT 1")
                .build());
    }

    public static void migrate(DatabaseSettings settings) {
        log.info("Migrating database schema at {}", settings.jdbcUrl());
        var config = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                .locations("classpath:db/migration")
                // Features are developed side by side; a database that already has a later migration still
                // takes an earlier-numbered one that arrived with a merge.
                .outOfOrder(true);
        settings.schema().ifPresent(s -> config.schemas(s).createSchemas(true));
        var result = config.load().migrate();
        log.info("Database schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private static ConnectionFactory h2(DatabaseSettings settings) {
        return new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                .url(settings.h2Url())
                .username(settings.username())
                .password(settings.password() == null ? "" : settings.password())
                .build());
    }

    private static ConnectionFactory generic(DatabaseSettings settings) {
        var options = ConnectionFactoryOptions.parse(settings.r2dbcUrl()).mutate();
        if (settings.username() != null && !settings.username().isBlank()) {
            options.option(ConnectionFactoryOptions.USER, settings.username());
        }
        if (settings.password() != null && !settings.password().isBlank()) {
            options.option(ConnectionFactoryOptions.PASSWORD, settings.password());
        }
        settings.schema().ifPresent(s -> options.option(Option.valueOf("schema"), s));
        return ConnectionFactories.get(options.build());
    }
}
