package io.dictum.templates.docx;

import static io.dictum.templates.docx.DocxBuilder.Span.bold;
import static io.dictum.templates.docx.DocxBuilder.Span.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.templates.extraction.TextExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxPdfRendererTest {

    @TempDir
    Path dir;

    private final DocxPdfRenderer renderer = new DocxPdfRenderer();

    private String text(byte[] pdf) throws Exception {
        Path file = dir.resolve("draft.pdf");
        Files.write(file, pdf);
        var extracted = new TextExtractor(10_000_000).extract(file, "draft.pdf");
        assertThat(extracted.mediaType()).isEqualTo("application/pdf");
        return extracted.text().orElseThrow().replaceAll("\\s+", " ");
    }

    @Test
    void aFilledDraftReadsTheSameAsPdf() throws Exception {
        byte[] template = DocxBuilder.create()
                .heading("NOTICE OF APPEARANCE")
                .right("[Today]")
                .paragraph(plain("Please take notice that "), bold("[FirmName]"), plain(" appears for [ClientName]"
                        + " in [CaseNumber], a sentence long enough to wrap onto a second line of the page, and"
                        + " then onto a third one so that wrapping is exercised properly."))
                .paragraph("Counsel: \u00abOpposing\u00bb \u2013 \u201cquoted\u201d \u2192 [ClientName]")
                .table(List.of(List.of("Party", "Role"), List.of("Acme Trucking Inc.", "defendant")))
                .paragraph("[OpposingCounsel]")
                .build();
        Filled filled = DocxTemplate.read(template).fill(Map.of("Today", "March 3, 2026", "FirmName",
                "Hale & Ortiz LLP", "ClientName", "Sarah Miller", "CaseNumber", "2025-PI-0012"), OnMissing.MARK);

        byte[] pdf = renderer.render(filled.docx());

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(text(pdf)).contains("NOTICE OF APPEARANCE", "March 3, 2026",
                "Please take notice that Hale & Ortiz LLP appears for Sarah Miller in 2025-PI-0012",
                "Counsel: \u00abOpposing\u00bb \u2013 \u201cquoted\u201d ? Sarah Miller", "Party", "Acme Trucking Inc.",
                "\u00abMISSING: OpposingCounsel\u00bb");
    }

    @Test
    void pageBreaksAndLongDocumentsMakePages() throws Exception {
        DocxBuilder builder = DocxBuilder.create();
        for (int page = 1; page <= 50; page++) {
            builder.heading("Section " + page);
            for (int i = 0; i < 8; i++) {
                builder.paragraph("Paragraph " + i + " of section " + page + " with enough words to wrap around"
                        + " the line at least once when it is set in twelve point Times on a letter page.");
            }
            builder.pageBreak();
        }
        try (PDDocument pdf = Loader.loadPDF(renderer.render(builder.build()))) {
            assertThat(pdf.getNumberOfPages()).isBetween(50, 52);
        }
    }

    @Test
    void notADocx() {
        assertThatThrownBy(() -> renderer.render("plain text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TemplateFormatException.class);
    }
}
