package io.dictum.core;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dictum's settings, bound from {@code dictum.*} properties; the environment variables of SPEC §6
 * ({@code DICTUM_DATA_DIR}, {@code DICTUM_DB_URL}, ...) map onto them in the web module's application.yml.
 */
@ConfigurationProperties("dictum")
public record DictumProperties(Path dataDir, Db db, Admin admin, boolean demo, ZoneId timeZone) {

    public DictumProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        db = db == null ? new Db(null, null, null, null) : db;
        admin = admin == null ? new Admin(null, null) : admin;
        timeZone = timeZone == null ? ZoneId.of("America/New_York") : timeZone;
    }

    /** An R2DBC URL and credentials; a blank URL means the embedded H2 database under the data directory. */
    public record Db(String url, String username, String password, String schema) {
    }

    /** The first administrator, created at start when no user exists. */
    public record Admin(String username, String password) {
        public boolean isConfigured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
