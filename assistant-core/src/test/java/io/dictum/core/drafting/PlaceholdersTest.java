package io.dictum.core.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void datesAndMoneyAreWrittenAsLegalDocumentsWriteThem() {
        assertThat(Placeholders.format("FilingDate", "2026-03-03")).isEqualTo("March 3, 2026");
        assertThat(Placeholders.format("FilingDate", LocalDate.of(2026, 12, 31))).isEqualTo("December 31, 2026");
        assertThat(Placeholders.format("FilingDate", "the third of March")).isEqualTo("the third of March");
        assertThat(Placeholders.format("DemandAmount", 40000)).isEqualTo("$40,000.00");
        assertThat(Placeholders.format("DemandAmount", "$40,000")).isEqualTo("$40,000.00");
        assertThat(Placeholders.format("DemandAmount", new BigDecimal("1999.999"))).isEqualTo("$2,000.00");
        assertThat(Placeholders.format("ClientName", "  Sarah Miller ")).isEqualTo("Sarah Miller");
        assertThat(Placeholders.format("Defendants", List.of("A", Map.of("Name", "B"))))
                .isEqualTo(List.of(Map.of("Name", "A"), Map.of("Name", "B")));
        assertThatThrownBy(() -> Placeholders.format("DemandAmount", "forty thousand"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DemandAmount");
    }

    @Test
    void theVocabularyKnowsEveryPlaceholderAndEachHasASample() {
        assertThat(Placeholders.vocabulary().fields()).contains("ClientName", "CaseNumber", "Court", "FilingDate",
                "OpposingCounsel", "Today", "FirmName", "DemandAmount");
        assertThat(Placeholders.vocabulary().lists()).containsKeys("Defendants", "Deadlines", "DiscoveryRequests");
        assertThat(Placeholders.all()).allSatisfy(p -> assertThat(p.sample()).as(p.name()).isNotNull());
    }

    @Test
    void spokenTemplateNamesFindTheirTemplate() {
        List<Template> all = StarterTemplates.all().stream().map(s -> new Template(TemplateId.random(), s.name(),
                s.description(), s.documentKind(), true, 1, s.key() + ".docx", 1, "", List.of(),
                OffsetDateTime.now())).toList();
        assertThat(DraftingService.bestMatch(all, "a demand letter using our standard template"))
                .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Demand letter (personal injury)"));
        assertThat(DraftingService.bestMatch(all, "notice of appearance"))
                .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Notice of appearance"));
        assertThat(DraftingService.bestMatch(all, "engagement letter"))
                .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Engagement letter"));
        assertThat(DraftingService.bestMatch(all, "cover letter for the discovery"))
                .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Cover letter for discovery requests"));
        assertThat(DraftingService.bestMatch(all, "a will")).isEmpty();
        assertThat(DraftingService.bestMatch(all, "letter")).isEmpty();
    }

    @Test
    void fileNamesAreSafe() {
        assertThat(DraftingService.filename("Demand letter (personal injury) - Miller v. Acme Trucking", "docx"))
                .isEqualTo("Demand letter personal injury - Miller v. Acme Trucking.docx");
        assertThat(DraftingService.filename("../../etc/passwd", "pdf")).isEqualTo("etc passwd.pdf");
    }
}
