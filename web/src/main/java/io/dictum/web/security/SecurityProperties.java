package io.dictum.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token signing: a secret from configuration, or one generated once and kept in the data directory. */
@ConfigurationProperties("dictum.security")
public record SecurityProperties(String tokenSecret, Duration tokenLifetime) {
    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
    }
}
