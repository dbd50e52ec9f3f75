package io.dictum.core.db;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is, in the two forms Dictum needs: R2DBC for the application, JDBC for Flyway's migrations.
 * Supported: PostgreSQL ({@code r2dbc:postgresql://host:port/db}) and H2 ({@code r2dbc:h2:file:///abs/path},
 * {@code r2dbc:h2:mem:///name}).
 */
public record DatabaseSettings(String r2dbcUrl, String username, String password, Optional<String> schema) {

    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("dictum");
        return new DatabaseSettings("r2dbc:h2:file:///" + file.toString().replaceFirst("^/", ""), "sa", "",
                Optional.empty());
    }

    public boolean isH2() {
        return r2dbcUrl.startsWith("r2dbc:h2:");
    }

    public boolean isPostgres() {
        return r2dbcUrl.startsWith("r2dbc:postgresql:") || r2dbcUrl.startsWith("r2dbc:pool:postgresql:");
    }

    /** The H2 URL without the {@code jdbc:h2:} prefix, e.g. {@code file:/data/db/dictum} or {@code mem:test}. */
    public String h2Url() {
        String rest = r2dbcUrl.substring("r2dbc:h2:".length());
        String h2;
        if (rest.startsWith("file:///")) {
            h2 = "file:/" + rest.substring("file:///".length());
        } else if (rest.startsWith("file://")) {
            h2 = "file:" + rest.substring("file://".length());
        } else if (rest.startsWith("mem:///")) {
            h2 = "mem:" + rest.substring("mem:///".length());
        } else {
            throw new IllegalArgumentException("Unsupported H2 URL " + r2dbcUrl
                    + ": use r2dbc:h2:file:///absolute/path or r2dbc:h2:mem:///name");
        }
        // Keep the database open between Flyway's JDBC session and the R2DBC pool in the same process. A file
        // database writes each commit out before the commit returns (WRITE_DELAY=0): by default H2 writes commits up
        // to half a second later, and a killed process loses what it had acknowledged in that time.
        return h2 + (h2.startsWith("file:") ? ";WRITE_DELAY=0" : "") + ";DB_CLOSE_DELAY=-1";
    }

    public String jdbcUrl() {
        if (isH2()) {
            return "jdbc:h2:" + h2Url();
        }
        if (isPostgres()) {
            ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl);
            Object host = options.getRequiredValue(ConnectionFactoryOptions.HOST);
            Object port = Optional.ofNullable(options.getValue(ConnectionFactoryOptions.PORT)).orElse(5432);
            Object database = options.getRequiredValue(ConnectionFactoryOptions.DATABASE);
            return "jdbc:postgresql://" + host + ":" + port + "/" + database
                    + schema.map(s -> "?currentSchema=" + s).orElse("");
        }
        throw new IllegalArgumentException("Unsupported database URL " + r2dbcUrl
                + ": DICTUM_DB_URL must be r2dbc:postgresql://host:port/database or an r2dbc:h2: URL");
    }
}
