package io.dictum.core.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dictum.core.CoreConfiguration;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.drafting.CaseSources.SourceText;
import io.dictum.core.notes.NoteService;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.testing.AdjustableClock;
import io.dictum.core.users.UserRepository;
import io.dictum.templates.docx.DraftSection;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/** The case's notes given to the model for a draft are dated with the firm's day they were written on. */
class CaseSourcesTest {

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
                "dictum.data-dir=" + Files.createTempDirectory("dictum-sources-"), "dictum.demo=true",
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
    void aNoteWrittenInTheEveningIsDatedWithTheFirmsDay() {
        Actor partner = NotificationService.actorOf(context.getBean(UserRepository.class).findAll()
                .filter(u -> u.username().equals("ahale")).blockFirst());
        LegalCase c = context.getBean(CaseService.class).create(partner, new NewCase(null, "Evening v. Dictation",
                "contract", null, "Evening Dictation LLC", null, null, null)).block();
        context.getBean(NoteService.class).add(partner, c.id(), "Client called: the invoice was never received.")
                .block();

        CaseSources.Found found = context.getBean(CaseSources.class).gather(partner, c.id(),
                List.of(new DraftSection("a summary of the client's calls", List.of("notes"), null)), Map.of())
                .block();

        assertThat(found.of("notes")).extracting(SourceText::label, SourceText::text).containsExactly(
                tuple("the case notes (1)", "2026-11-27, ahale: Client called: the invoice was never received."));
    }
}
