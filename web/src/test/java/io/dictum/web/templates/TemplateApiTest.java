package io.dictum.web.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.templates.docx.DocxBuilder;
import io.dictum.templates.extraction.ExtractedText;
import io.dictum.templates.extraction.TextExtractor;
import io.dictum.web.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class TemplateApiTest extends WebTestSupport {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private WebTestClient.ResponseSpec upload(String token, String uri, String filename, byte[] content,
                                              Map<String, String> fields) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        fields.forEach(form::part);
        return client().post().uri(uri).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return client().post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private EntityExchangeResult<byte[]> download(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
    }

    private static String text(byte[] content, String filename) throws Exception {
        Path file = Files.createTempFile("dictum-template-test-", filename);
        try {
            Files.write(file, content);
            ExtractedText extracted = new TextExtractor(1_000_000).extract(file, filename);
            return extracted.text().orElseThrow().replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String templateId(String token, String name) {
        for (JsonNode t : get(token, "/api/v1/templates")) {
            if (t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("template " + name + " is missing");
    }

    private static Map<String, Object> demandValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("IncidentDate", "2025-03-03");
        values.put("IncidentLocation", "I-95 northbound near exit 27");
        values.put("IncidentDescription", "a tractor-trailer operated by Acme Trucking Inc. struck the rear of her car");
        values.put("Injuries", "cervical strain and lumbar sprain");
        values.put("MedicalExpenses", 18450);
        values.put("DemandAmount", "40000");
        values.put("ResponseDeadline", "2026-04-02");
        values.put("ClaimNumber", "AIC-2025-118204");
        return values;
    }

    @Test
    void theStarterTemplatesAreThereForFirmMembersOnly() {
        String token = login("bking");
        JsonNode list = get(token, "/api/v1/templates");
        assertThat(list.findValuesAsText("name")).contains("Engagement letter", "Demand letter (personal injury)",
                "Letter of representation to insurer", "Notice of appearance", "Cover letter for discovery requests");
        assertThat(list.get(0).get("starter").asBoolean()).isTrue();
        assertThat(list.get(0).get("placeholders").size()).isPositive();
        JsonNode placeholders = get(token, "/api/v1/templates/placeholders");
        assertThat(placeholders.findValuesAsText("name")).contains("ClientName", "DemandAmount", "Defendants");
        assertProblem(client().get().uri("/api/v1/templates").headers(h -> h.setBearerAuth(login("smiller")))
                .exchange(), 403);
    }

    /** The instruction of the starter demand letter's drafted section. */
    private static final String INJURIES = "a summary of the client's injuries and the treatment received";

    @Test
    void aDemandLetterIsGeneratedFromTheCaseFileStoredAndReadableAsDocxAndPdf() throws Exception {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", templateId(token, "Demand letter (personal injury)"));
        body.put("caseId", miller);
        body.put("values", demandValues());
        body.put("onMissing", "fail");

        JsonNode generated = post(token, "/api/v1/documents/generate", body).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(generated.get("caseId").asText()).isEqualTo(miller);
        assertThat(generated.get("name").asText()).isEqualTo("Demand letter (personal injury) - Miller v. Acme Trucking");
        assertThat(generated.get("kind").asText()).isEqualTo("demand letter");
        assertThat(generated.get("version").asInt()).isEqualTo(1);
        assertThat(generated.get("mediaType").asText()).isEqualTo(DOCX);
        assertThat(generated.get("template").get("name").asText()).isEqualTo("Demand letter (personal injury)");
        assertThat(generated.get("missing")).isEmpty();
        // no language model is configured here: the drafted summary of injuries is listed as needing writing
        assertThat(generated.get("sections")).singleElement().satisfies(section -> {
            assertThat(section.get("status").asText()).isEqualTo("needs_writing");
            assertThat(section.get("instruction").asText()).isEqualTo(INJURIES);
            assertThat(section.get("reason").asText()).contains("no language model is configured");
            assertThat(section.get("location").get("paragraph").asInt()).isPositive();
        });
        String id = generated.get("id").asText();

        EntityExchangeResult<byte[]> docx = download(token, "/api/v1/documents/" + id + "/content");
        assertThat(docx.getResponseHeaders().getContentType().toString()).isEqualTo(DOCX);
        String text = text(docx.getResponseBody(), ".docx");
        assertThat(text).contains("Hale & Ortiz LLP", "Acme Insurance Co.", "Our client: Sarah Miller",
                "Your insured: Acme Trucking Inc.", "Claim number: AIC-2025-118204", "Date of loss: March 3, 2025",
                "on March 3, 2025 on I-95 northbound near exit 27, when a tractor-trailer",
                "in the U.S. District Court for the District of Maryland", "cervical strain and lumbar sprain",
                "$18,450.00", "$40,000.00", "until April 2, 2026", "Alexandra Hale",
                "[This section needs writing: " + INJURIES + "]")
                .doesNotContain("MISSING", "Lost wages", "DRAFT FOR REVIEW", "[#draft");

        EntityExchangeResult<byte[]> pdf = download(token, "/api/v1/documents/" + id + "/pdf");
        assertThat(pdf.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getResponseHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
        assertThat(text(pdf.getResponseBody(), ".pdf")).contains("Our client: Sarah Miller", "$40,000.00",
                "Alexandra Hale");

        JsonNode documents = get(token, "/api/v1/cases/" + miller + "/documents");
        assertThat(documents.findValuesAsText("id")).contains(id);
    }

    @Test
    void aTemplateTheCaseFileFillsCompletelyNeedsNoValues() throws Exception {
        String token = login("mortiz");
        JsonNode generated = post(token, "/api/v1/documents/generate", Map.of(
                "templateId", templateId(token, "Notice of appearance"), "caseId", caseId("2025-PI-0012")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String text = text(download(token, "/api/v1/documents/" + generated.get("id").asText() + "/content")
                .getResponseBody(), ".docx");
        assertThat(text).contains("U.S. District Court for the District of Maryland", "Miller v. Acme Trucking",
                "Case No. 2025-PI-0012", "Assigned to: Judge Patricia Whitfield",
                "Miguel Ortiz of Hale & Ortiz LLP hereby appears as counsel for Sarah Miller",
                "on Karen Mitchell, counsel for Acme Trucking Inc.");
    }

    @Test
    void missingValuesFailWithTheirListOrAreMarkedInTheDraft() throws Exception {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        String template = templateId(token, "Demand letter (personal injury)");
        int before = get(token, "/api/v1/cases/" + miller + "/documents").size();

        JsonNode problem = assertProblem(post(token, "/api/v1/documents/generate", Map.of("templateId", template,
                "caseId", miller, "values", Map.of("DemandAmount", 40000))), 422);
        assertThat(problem.get("detail").asText()).contains("IncidentDate", "Nothing was stored");
        assertThat(problem.get("missing").findValuesAsText("name")).contains("IncidentDate", "Injuries",
                "MedicalExpenses", "ResponseDeadline").doesNotContain("DemandAmount", "ClientName", "ClaimNumber");
        JsonNode first = problem.get("missing").get(0);
        assertThat(first.get("location").get("paragraph").asInt()).isPositive();
        assertThat(first.get("location").get("excerpt").asText()).contains("[" + first.get("name").asText() + "]");
        assertThat(get(token, "/api/v1/cases/" + miller + "/documents").size()).isEqualTo(before);

        JsonNode marked = post(token, "/api/v1/documents/generate", Map.of("templateId", template, "caseId", miller,
                "values", Map.of("DemandAmount", 40000), "onMissing", "mark")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(marked.get("missing").findValuesAsText("name")).contains("IncidentDate", "Injuries");
        String text = text(download(token, "/api/v1/documents/" + marked.get("id").asText() + "/content")
                .getResponseBody(), ".docx");
        assertThat(text).contains("Date of loss: \u00abMISSING: IncidentDate\u00bb", "$40,000.00");

        assertProblem(post(token, "/api/v1/documents/generate", Map.of("templateId", template, "caseId", miller,
                "onMissing", "maybe")), 400);
        assertProblem(post(token, "/api/v1/documents/generate", Map.of("templateId", template, "caseId", miller,
                "values", Map.of("DemandAmount", "lots"))), 400);
    }

    @Test
    void aFirmTemplateIsUploadedVersionedAndPreviewed() throws Exception {
        String token = login("sarah");
        byte[] v1 = DocxBuilder.create().heading("STATUS LETTER").paragraph("Dear [ClientName],")
                .paragraph("Your case [CaseNumber] is with [#if Judge][Judge][#else]the court[/if].")
                .paragraph("[#each Witnesses]").paragraph("Witness: [Name]").paragraph("[/each]").build();

        JsonNode created = upload(token, "/api/v1/templates", "status-letter.docx", v1,
                Map.of("name", "Status letter", "description", "Tells the client where the case stands",
                        "kind", "correspondence")).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("starter").asBoolean()).isFalse();
        assertThat(created.get("placeholders").toString()).contains("ClientName", "Judge", "Witnesses", "Name");
        String id = created.get("id").asText();
        assertProblem(upload(token, "/api/v1/templates", "again.docx", v1, Map.of("name", "status letter")), 409);

        byte[] v2 = DocxBuilder.create().paragraph("Dear [ClientName], about [CaseTitle].").build();
        JsonNode second = upload(token, "/api/v1/templates/" + id + "/versions", "status-letter-2.docx", v2, Map.of())
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(get(token, "/api/v1/templates/" + id + "/versions").findValuesAsText("version"))
                .containsExactly("2", "1");
        assertThat(download(token, "/api/v1/templates/" + id + "/content?version=1").getResponseBody()).isEqualTo(v1);

        EntityExchangeResult<byte[]> sample = client().post().uri("/api/v1/templates/" + id + "/preview")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("values", Map.of("CaseTitle", "Doe v. Roe"))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
        assertThat(text(sample.getResponseBody(), ".docx")).contains("Dear Sarah Miller, about Doe v. Roe.");

        EntityExchangeResult<byte[]> forCase = client().post().uri("/api/v1/templates/" + id + "/preview")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseId", caseId("2025-PI-0019"), "format", "pdf")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        assertThat(forCase.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(text(forCase.getResponseBody(), ".pdf")).contains("Dear Robert Johnson, about Johnson v. Acme"
                + " Insurance.");
    }

    @Test
    void aBrokenTemplateIsRefusedWithEveryProblemAndItsPlace() {
        String token = login("ahale");
        byte[] broken = DocxBuilder.create().paragraph("Dear [ClientName,")
                .paragraph("[#if Judge]")
                .paragraph("Your case [CaseNumbr] is before [Judge].")
                .build();

        JsonNode problem = assertProblem(upload(token, "/api/v1/templates", "broken.docx", broken,
                Map.of("name", "Broken")), 422);

        assertThat(problem.get("title").asText()).isEqualTo("Unusable template");
        assertThat(problem.get("detail").asText()).contains("broken.docx", "[ClientName", "CaseNumbr");
        assertThat(problem.get("problems")).hasSize(3);
        assertThat(problem.get("problems").findValuesAsText("message")).contains(
                "placeholder '[ClientName' is not closed with ]", "unknown placeholder [CaseNumbr]");
        assertThat(problem.get("problems").findValues("location")).extracting(l -> l.get("paragraph").asInt())
                .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(get(token, "/api/v1/templates").findValuesAsText("name")).doesNotContain("Broken");
    }

    @Test
    void somethingThatIsNotAWordDocumentIsRefused() {
        String token = login("ahale");
        JsonNode problem = assertProblem(upload(token, "/api/v1/templates", "letter.txt",
                "Dear [ClientName]".getBytes(StandardCharsets.UTF_8), Map.of("name", "Plain text")), 422);
        assertThat(problem.get("detail").asText()).contains("letter.txt", "not a Word document");
        assertProblem(upload(token, "/api/v1/templates", "empty.docx", new byte[0], Map.of("name", "Empty")), 400);
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("name", "No file");
        assertProblem(client().post().uri("/api/v1/templates").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(noFile.build()))
                .exchange(), 400);

        String miller = caseId("2025-PI-0012");
        String policeReport = null;
        for (JsonNode d : get(token, "/api/v1/cases/" + miller + "/documents")) {
            if (d.get("name").asText().startsWith("Police Report")) {
                policeReport = d.get("id").asText();
            }
        }
        assertThat(policeReport).isNotNull();
        assertProblem(client().get().uri("/api/v1/documents/" + policeReport + "/pdf")
                .headers(h -> h.setBearerAuth(token)).exchange(), 422);
    }

    @Test
    void unknownAndMalformedIdsAndOtherUsersCases() {
        String token = login("ahale");
        assertProblem(client().get().uri("/api/v1/templates/00000000-0000-0000-0000-000000000001")
                .headers(h -> h.setBearerAuth(token)).exchange(), 404);
        assertProblem(client().get().uri("/api/v1/templates/not-an-id").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        String template = templateId(token, "Notice of appearance");
        assertProblem(post(token, "/api/v1/documents/generate", Map.of("templateId", template,
                "caseId", "00000000-0000-0000-0000-000000000002")), 404);
        assertProblem(post(token, "/api/v1/documents/generate", Map.of("templateId", template)), 400);
        assertProblem(post(login("smiller"), "/api/v1/documents/generate", Map.of("templateId", template,
                "caseId", caseId("2025-PI-0012"))), 403);
        assertProblem(post(token, "/api/v1/templates/" + template + "/preview", Map.of("format", "odt")), 400);
    }
}
