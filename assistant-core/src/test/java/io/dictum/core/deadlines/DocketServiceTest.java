package io.dictum.core.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.CoreConfiguration;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.testing.AdjustableClock;
import io.dictum.core.users.UserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
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

/** Re-dating a trigger says on which of the firm's days a deadline it leaves alone was done. */
class DocketServiceTest {

    /** Friday 27 November 2026, 21:00 in New York; Saturday 02:00 in UTC. */
    private static final Instant EVENING = Instant.parse("2026-11-28T02:00:00Z");

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
                "dictum.data-dir=" + Files.createTempDirectory("dictum-docket-"), "dictum.demo=true",
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
    void aDeadlineDoneInTheEveningIsSaidToBeDoneOnTheFirmsDay() {
        Actor partner = NotificationService.actorOf(context.getBean(UserRepository.class).findAll()
                .filter(u -> u.username().equals("ahale")).blockFirst());
        LegalCase c = context.getBean(CaseService.class).create(partner, new NewCase(null, "Evening v. Judgment",
                "contract", null, "Evening Judgment LLC", null, null, null)).block();
        DocketService docket = context.getBean(DocketService.class);
        DocketedEvent judgment = docket.docket(partner, c.id(), new DocketRequest("judgment_entered", "2026-11-20",
                null, null)).block();
        DocketedDeadline newTrial = judgment.deadlines().stream().filter(d -> d.rule().equals("new_trial_motion"))
                .findFirst().orElseThrow();
        docket.setStatus(partner, newTrial.id(), DeadlineStatus.DONE).block();

        EventChangeResult changed = docket.changeEvent(partner, c.id(), judgment.event().id(),
                new EventChange("2026-11-23", null, "entry date corrected")).block();

        assertThat(changed.changes()).filteredOn(ch -> ch.deadlineId().equals(newTrial.id())).singleElement()
                .satisfies(ch -> {
                    assertThat(ch.moved()).isFalse();
                    assertThat(ch.note()).startsWith("done on 2026-11-27: kept as done on " + newTrial.dueDate());
                });
    }
}
