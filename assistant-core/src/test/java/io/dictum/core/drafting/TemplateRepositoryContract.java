package io.dictum.core.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.db.DatabaseContract;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template tables' behaviour, written once and run on H2 and on PostgreSQL. */
abstract class TemplateRepositoryContract extends DatabaseContract {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private TemplateRepository templates;

    @BeforeAll
    void setUp() throws Exception {
        templates = new TemplateRepository(db.client);
    }

    @Test
    void versionsKeepTheirExactBytesAndTheNewestIsListed() {
        TemplateId id = TemplateId.random();
        byte[] first = StarterTemplates.engagementLetter();
        byte[] second = StarterTemplates.demandLetter();
        templates.insertTemplate(id, "Contract letter " + id, "a letter", "correspondence", null, null, NOW)
                .then(templates.insertVersion(id, 1, new TemplateRepository.NewVersion("a.docx", "a".repeat(64),
                        List.of("ClientName", "Today"), first), null, NOW))
                .then(templates.insertVersion(id, 2, new TemplateRepository.NewVersion("b.docx", "b".repeat(64),
                        List.of(), second), null, NOW.plusSeconds(1)))
                .block();

        Template t = templates.findById(id).block();
        assertThat(t.version()).isEqualTo(2);
        assertThat(t.filename()).isEqualTo("b.docx");
        assertThat(t.sizeBytes()).isEqualTo(second.length);
        assertThat(t.starter()).isFalse();
        assertThat(t.documentKind()).isEqualTo("correspondence");
        assertThat(templates.content(id, 1).block()).isEqualTo(first);
        assertThat(templates.content(id, 2).block()).isEqualTo(second);
        assertThat(templates.versions(id).collectList().block()).extracting(TemplateVersion::version)
                .containsExactly(2, 1);
        assertThat(templates.versions(id).blockLast().placeholders()).containsExactly("ClientName", "Today");
        assertThat(templates.lastVersion(id).block()).isEqualTo(2);
        assertThat(templates.nameExists(("CONTRACT LETTER " + id).toLowerCase()).block()).isTrue();
        assertThat(templates.findAll().collectList().block()).extracting(Template::id).contains(id);
    }

    @Test
    void namesAndStarterKeysAreUnique() {
        TemplateId a = TemplateId.random();
        templates.insertTemplate(a, "Unique name", null, null, "starter-x", null, NOW).block();
        assertThatThrownBy(() -> templates.insertTemplate(TemplateId.random(), "Unique name", null, null, null, null,
                NOW).block()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> templates.insertTemplate(TemplateId.random(), "Other name", null, null, "starter-x",
                null, NOW).block()).isInstanceOf(RuntimeException.class);
    }
}
