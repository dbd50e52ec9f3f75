package io.dictum.core.assistant;

import io.dictum.core.CoreConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * assistant-core on its own, as the web application wires it but without a web server: embedded H2 in a fresh data
 * directory, the demo firm loaded and indexed in a real Lucene index at start.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
class DemoFirmApplication {

    /** Properties for a fresh demo firm; Dictum runs Flyway itself, before the connection pool opens. */
    static String[] properties() {
        try {
            return new String[] {"dictum.data-dir=" + Files.createTempDirectory("dictum-eval-"), "dictum.demo=true",
                    "dictum.time-zone=America/New_York", "spring.flyway.enabled=false", "spring.main.banner-mode=off",
                    "logging.level.root=warn"};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DemoFirmApplication.class).web(WebApplicationType.NONE)
                .properties(properties()).run();
    }
}
