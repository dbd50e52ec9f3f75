package io.dictum.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.CoreConfiguration;
import io.dictum.core.access.Actor;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.testing.AdjustableClock;
import io.dictum.core.users.UserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A case is opened on the firm's day: at 9 p.m. in New York it is already the next day in UTC, and a case opened then
 * without an open date, and closed the same evening, must be opened and closed on the same New York day.
 */
class CaseOpeningDayTest {

    /** Friday 27 November 2026, 21:00 in New York; Saturday 02:00 in UTC. */
    private static final Instant EVENING = Instant.parse("2026-11-28T02:00:00Z");
    private static final LocalDate FIRM_DAY = LocalDate.of(2026, 11, 27);

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

    @BeforeAll
    static void start() throws IOException {
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "dictum.data-dir=" + Files.createTempDirectory("dictum-cases-"), "dictum.demo=true",
                "dictum.time-zone=America/New_York", "spring.flyway.enabled=false",
                "spring.main.banner-mode=off", "logging.level.root=warn").run();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aCaseOpenedInTheEveningIsOpenedOnTheFirmsDayAndMayBeClosedThatDay() {
        Actor partner = NotificationService.actorOf(context.getBean(UserRepository.class).findAll()
                .filter(u -> u.username().equals("ahale")).blockFirst());
        CaseService cases = context.getBean(CaseService.class);
        LegalCase opened = cases.create(partner, new NewCase(null, "Evening v. Intake", "contract", null,
                "Evening Intake LLC", null, null, null)).block();
        assertThat(opened.openedOn()).isEqualTo(FIRM_DAY);
        assertThat(opened.number()).startsWith("2026-");
        LegalCase closed = cases.update(partner, opened.id(), new CasePatch(null, null, "closed", null, FIRM_DAY,
                null)).block();
        assertThat(closed.closedOn()).isEqualTo(FIRM_DAY);
    }
}
