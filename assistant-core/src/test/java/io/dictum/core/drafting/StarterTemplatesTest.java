package io.dictum.core.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.templates.docx.DocxTemplate;
import io.dictum.templates.docx.Filled;
import io.dictum.templates.docx.OnMissing;
import io.dictum.templates.extraction.TextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped templates are valid, use only documented placeholders, and read right once filled. */
class StarterTemplatesTest {

    @TempDir
    Path dir;

    private String text(byte[] docx) throws Exception {
        Path file = Files.createTempFile(dir, "starter-", ".docx");
        Files.write(file, docx);
        return new TextExtractor(1_000_000).extract(file, "starter.docx").text().orElseThrow()
                .replaceAll("[ \\t]+", " ");
    }

    @Test
    void everyStarterIsValidAndFillsCompletelyFromTheSamples() throws Exception {
        assertThat(StarterTemplates.all()).hasSize(6);
        for (StarterTemplates.Starter starter : StarterTemplates.all()) {
            boolean invoice = InvoicePlaceholders.isInvoiceKind(starter.documentKind());
            DocxTemplate t = DocxTemplate.read(starter.docx().get());
            assertThat(t.validate(invoice ? InvoicePlaceholders.vocabulary() : Placeholders.vocabulary()))
                    .as(starter.name()).isEmpty();
            Filled filled = t.fill(invoice ? InvoicePlaceholders.samples() : Placeholders.samples(), OnMissing.FAIL);
            assertThat(filled.missing()).as(starter.name()).isEmpty();
            // without a writer, a drafted section says it needs writing; nothing else is left in brackets
            String text = text(filled.docx()).replaceAll("\\[This section needs writing: [^\\]]+\\]", "");
            assertThat(text).as(starter.name()).contains("Hale & Ortiz LLP", invoice ? "INV-000042" : "Alexandra Hale")
                    .doesNotContain("[", "MISSING");
        }
    }

    @Test
    void theDemandLetterCarriesEveryValue() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>(Placeholders.samples());
        values.put("DemandAmount", Placeholders.format("DemandAmount", "125000"));
        values.put("IncidentDate", Placeholders.format("IncidentDate", "2025-03-03"));
        values.remove("LostWages");
        values.remove("AdjusterName");

        String text = text(DocxTemplate.read(StarterTemplates.demandLetter()).fill(values, OnMissing.FAIL).docx());

        assertThat(text).contains("March 3, 2026", "Claims Department", "Acme Insurance Co.",
                "Our client: Sarah Miller", "Your insured: Acme Trucking Inc.", "Claim number: AIC-2025-118204",
                "Date of loss: March 3, 2025", "Dear Claims Representative:",
                "on March 3, 2025 on I-95 northbound near exit 27, when a tractor-trailer",
                "in the U.S. District Court for the District of Maryland", "cervical strain and lumbar sprain",
                "$18,450.00", "for $125,000.00. This offer remains open until April 2, 2026")
                .doesNotContain("Lost wages", "$6,200.00");
    }

    @Test
    void theDiscoveryCoverLetterListsEveryRequest() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>(Placeholders.samples());
        values.put("DiscoveryRequests", Placeholders.format("DiscoveryRequests", List.of(
                "First Set of Interrogatories", Map.of("Name", "First Requests for Admission"))));

        String text = text(DocxTemplate.read(StarterTemplates.discoveryCoverLetter()).fill(values, OnMissing.FAIL)
                .docx());

        assertThat(text).contains("\u2022 First Set of Interrogatories", "\u2022 First Requests for Admission",
                "Dear Karen Mitchell:", "Counsel for Acme Trucking Inc.");
    }
}
