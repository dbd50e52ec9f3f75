package io.dictum.core.testing;

import io.dictum.core.CoreConfiguration;
import io.dictum.core.access.Actor;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.UserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The core with the demo firm on Friday 27 November 2026 at 21:00 in New York, already Saturday 02:00 in UTC: for the
 * tests of what must be dated with the firm's day. One context, started on first use and shared by those tests (each
 * makes its own case), closed when the test run ends.
 */
public final class EveningInNewYork {

    public static final Instant EVENING = Instant.parse("2026-11-28T02:00:00Z");
    /** The firm's day at {@link #EVENING}. */
    public static final LocalDate FIRM_DAY = LocalDate.of(2026, 11, 27);

    // not a @Configuration: the core's component scan would find it and give every other test this clock too
    @EnableAutoConfiguration
    @Import(CoreConfiguration.class)
    static class App {
        @Bean
        @Primary
        Clock eveningClock() {
            return AdjustableClock.at(EVENING);
        }
    }

    private static ConfigurableApplicationContext context;

    private EveningInNewYork() {
    }

    /** The running core, started on first use. */
    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            try {
                context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                        "dictum.data-dir=" + Files.createTempDirectory("dictum-evening-"), "dictum.demo=true",
                        "dictum.time-zone=America/New_York", "spring.flyway.enabled=false",
                        "spring.main.banner-mode=off", "logging.level.root=warn").run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    /** A bean of the running core. */
    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** Alexandra Hale, a partner of the demo firm. */
    public static Actor partner() {
        return NotificationService.actorOf(bean(UserRepository.class).findAll()
                .filter(u -> u.username().equals("ahale")).blockFirst());
    }
}
