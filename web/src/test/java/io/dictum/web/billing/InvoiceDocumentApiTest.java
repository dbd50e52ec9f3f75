package io.dictum.web.billing;

import static io.dictum.templates.docx.DocxBuilder.Span.bold;
import static io.dictum.templates.docx.DocxBuilder.Span.plain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.templates.docx.DocxBuilder;
import io.dictum.templates.docx.LegalFormat;
import io.dictum.templates.extraction.TextExtractor;
import io.dictum.web.WebTestSupport;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** Invoices as Word and PDF: every figure read back from the files equals the JSON invoice's. */
class InvoiceDocumentApiTest extends WebTestSupport {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Pattern TOTAL_DUE = Pattern.compile("Total due: (-?\\$[0-9,]+\\.[0-9]{2})");

    private byte[] download(String token, String id, String format, String mediaType) {
        return client().get().uri("/api/v1/invoices/" + id + "?format=" + format)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(mediaType))
                .expectHeader().valueMatches("Content-Disposition", ".*INV-\\d{6}\\." + format + ".*")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static String docxText(byte[] docx) throws Exception {
        Path file = Files.createTempFile("dictum-invoice-", ".docx");
        try {
            Files.write(file, docx);
            return new TextExtractor(1_000_000).extract(file, "invoice.docx").text().orElseThrow()
                    .replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static BigDecimal totalDue(String text) {
        Matcher m = TOTAL_DUE.matcher(text);
        assertThat(m.find()).as("'Total due' in: " + text).isTrue();
        return new BigDecimal(m.group(1).replace("$", "").replace(",", ""));
    }

    private static String money(JsonNode amount) {
        return LegalFormat.money(amount.decimalValue());
    }

    private JsonNode entry(String token, String caseId, String date, int minutes, String description) {
        return postJson(token, "/api/v1/time-entries", Map.of("caseId", caseId, "date", date, "minutes", minutes,
                "description", description, "taskCode", "L120", "activityCode", "A106"));
    }

    private int upload(String token, String name, byte[] docx) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(docx) {
            @Override
            public String getFilename() {
                return name + ".docx";
            }
        });
        form.part("name", name);
        form.part("kind", "invoice");
        return client().post().uri("/api/v1/templates").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectBody(JsonNode.class).returnResult().getStatus().value();
    }

    @Test
    void wordAndPdfInvoicesCarryTheJsonFiguresAndAFirmInvoiceTemplateWins() throws Exception {
        String partner = login("mortiz");
        String associate = login("bking");
        String caseId = postJson(partner, "/api/v1/cases", Map.of("title", "Okonkwo v. Harbor Freight Lines",
                "matterType", "contract", "clientName", "Adaeze Okonkwo")).get("id").asText();
        JsonNode a = entry(associate, caseId, "2024-03-04", 95, "Reviewed the carriage contract");   // 1.6 h
        JsonNode b = entry(associate, caseId, "2024-03-11", 20, "Call with opposing counsel");       // 0.4 h
        String bking = a.get("userId").asText();
        postJson(partner, "/api/v1/rates", Map.of("userId", bking, "caseId", caseId, "hourlyRate", 287.50));
        postJson(associate, "/api/v1/expenses", Map.of("caseId", caseId, "date", "2024-03-12", "quantity", 3,
                "unitCost", 41.17, "description", "Certified copies", "expenseCode", "E102"));
        JsonNode invoice = postJson(partner, "/api/v1/invoices", Map.of("caseId", caseId, "from", "2024-03-01",
                "to", "2024-03-31", "discountPercent", 7.5, "writeDowns", List.of(Map.of("itemId",
                        b.get("id").asText(), "amount", 15.25))));
        String id = invoice.get("id").asText();
        // 1.6 × 287.50 = 460.00; 0.4 × 287.50 − 15.25 = 99.75; expenses 123.51; discount 7.5 % of 559.75 = −41.98
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("641.28");

        String docx = docxText(download(partner, id, "docx", DOCX));
        String pdf = pdfText(download(partner, id, "pdf", "application/pdf"));
        for (String text : List.of(docx, pdf)) {
            assertThat(totalDue(text)).isEqualByComparingTo(invoice.get("total").decimalValue());
            assertThat(text).contains(invoice.get("number").asText(), "Okonkwo v. Harbor Freight Lines",
                    "Adaeze Okonkwo", "DRAFT", "March 1, 2024 through March 31, 2024", "March 4, 2024",
                    "Reviewed the carriage contract", "Call with opposing counsel (written down by $15.25)",
                    "Brian King", "1.6", "0.4", "$287.50", "Certified copies", "$41.17",
                    "Total fees: " + money(invoice.get("feesTotal")) + " for 2.0 hours",
                    "Total expenses: " + money(invoice.get("expensesTotal")),
                    "Discount of 7.5% on fees", money(invoice.get("adjustmentsTotal")))
                    .doesNotContain("MISSING", "[", "Tax at");
            for (JsonNode line : invoice.get("lines")) {
                assertThat(text).contains(money(line.get("total")));
            }
        }
        assertThat(money(invoice.get("adjustmentsTotal"))).isEqualTo("-$41.98");

        // issued: no longer a draft, and the client reads her invoice in Word too
        postJson(partner, "/api/v1/invoices/" + id + "/issue", Map.of());
        assertThat(docxText(download(partner, id, "docx", DOCX))).doesNotContain("DRAFT");

        // an invoice template must use invoice placeholders only
        assertThat(upload(partner, "Broken invoice", DocxBuilder.create().paragraph("[InvoiceNumber] for"
                + " [ClientAddress]").build())).isEqualTo(422);
        // the firm's own template of kind invoice replaces the starter
        byte[] firm = DocxBuilder.create()
                .paragraph(bold("Statement of account [InvoiceNumber]"))
                .table(List.of(List.of("[#each Lines]", "", ""), List.of("[Number]", "[Description]", "[Amount]"),
                        List.of("[/each]", "", "")))
                .paragraph(plain("Total due: [InvoiceTotal]"))
                .build();
        assertThat(upload(partner, "Firm statement of account", firm)).isEqualTo(201);
        String mine = docxText(download(partner, id, "docx", DOCX));
        assertThat(mine).contains("Statement of account " + invoice.get("number").asText(), "Certified copies")
                .doesNotContain("Professional services");
        assertThat(totalDue(mine)).isEqualByComparingTo(invoice.get("total").decimalValue());
        assertThat(totalDue(pdfText(download(partner, id, "pdf", "application/pdf"))))
                .isEqualByComparingTo(invoice.get("total").decimalValue());

        // the starter invoice is a template of kind invoice, and it never drafts a case document
        JsonNode starter = null;
        for (JsonNode t : get(partner, "/api/v1/templates")) {
            if (t.get("name").asText().equals("Invoice")) {
                starter = t;
            }
        }
        assertThat(starter).isNotNull();
        assertThat(starter.get("documentKind").asText()).isEqualTo("invoice");
        assertThat(assertProblem(client().post().uri("/api/v1/documents/generate")
                .headers(h -> h.setBearerAuth(partner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("templateId", starter.get("id").asText(), "caseId", caseId)).exchange(), 400)
                .get("detail").asText()).contains("invoice template");

        // an unknown format names the ones there are
        assertThat(assertProblem(client().get().uri("/api/v1/invoices/" + id + "?format=xlsx")
                .headers(h -> h.setBearerAuth(partner)).exchange(), 400).get("detail").asText())
                .contains("json", "ledes", "docx", "pdf");
    }

    @Test
    void aClientDownloadsHerIssuedInvoiceAsPdfButNeverADraft() throws Exception {
        String partner = login("ahale");
        String client = login("smiller");
        String miller = caseId("2025-PI-0012");
        String sarah = entry(login("sarah"), miller, "2024-05-06", 30, "Organised the medical records")
                .get("userId").asText();
        postJson(partner, "/api/v1/rates", Map.of("userId", sarah, "caseId", miller, "hourlyRate", 145.00));
        String id = postJson(partner, "/api/v1/invoices", Map.of("caseId", miller, "from", "2024-05-01", "to",
                "2024-05-31")).get("id").asText();
        assertProblem(client().get().uri("/api/v1/invoices/" + id + "?format=pdf")
                .headers(h -> h.setBearerAuth(client)).exchange(), 404);
        JsonNode issued = postJson(partner, "/api/v1/invoices/" + id + "/issue", Map.of());
        String text = pdfText(download(client, id, "pdf", "application/pdf"));
        assertThat(totalDue(text)).isEqualByComparingTo(issued.get("total").decimalValue());
        assertThat(text).contains("Organised the medical records");
    }
}
