package io.dictum.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class DocumentApiTest extends WebTestSupport {

    private WebTestClient.ResponseSpec upload(String token, String caseId, String filename, byte[] content,
                                              Map<String, String> fields) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        fields.forEach(form::part);
        return client().post().uri("/api/v1/cases/" + caseId + "/documents").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private byte[] download(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void versionsAreKeptAndEachCanBeDownloaded() throws Exception {
        String token = login("sarah");
        String garcia = caseId("2024-MM-0003");
        byte[] first = "Bayview offers mediation on the Garcia claim in January.".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Bayview agrees to mediation with Judge Alvarez on February 9.".getBytes(StandardCharsets.UTF_8);
        JsonNode v1 = upload(token, garcia, "mediation-letter.txt", first, Map.of("kind", "correspondence"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("name").asText()).isEqualTo("mediation-letter");
        String id = v1.get("id").asText();
        JsonNode v2 = upload(token, garcia, "mediation-letter-v2.txt", second, Map.of("documentId", id))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(v2.get("id").asText()).isEqualTo(id);
        assertThat(v2.get("version").asInt()).isEqualTo(2);

        JsonNode versions = get(token, "/api/v1/documents/" + id + "/versions");
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(versions.get(1).get("sha256").asText()).isEqualTo(sha256(first));
        assertThat(versions.get(0).get("sizeBytes").asLong()).isEqualTo(second.length);
        assertThat(versions.get(0).get("createdBy").asText()).isNotBlank();
        assertThat(download(token, "/api/v1/documents/" + id + "/content?version=1")).isEqualTo(first);
        assertThat(download(token, "/api/v1/documents/" + id + "/content")).isEqualTo(second);
        assertProblem(client().get().uri("/api/v1/documents/" + id + "/content?version=7")
                .headers(h -> h.setBearerAuth(token)).exchange(), 404);
    }

    @Test
    void anUploadedDocumentIsFoundByWhatItSays() {
        String token = login("bking");
        String chen = caseId("2026-E-0006");
        upload(token, chen, "Severance Agreement.txt",
                "Brightline Software agrees to pay Wei Chen six months of salary.".getBytes(StandardCharsets.UTF_8),
                Map.of()).expectStatus().isCreated();
        JsonNode found = postJson(token, "/api/v1/assistant/commands",
                Map.of("text", "find the severance agreement in the Chen case"));
        assertThat(found.at("/result/documents").findValuesAsText("name")).containsExactly("Severance Agreement");
    }

    @Test
    void aWord97DocumentIsReadAndFoundByWhatItSays() throws Exception {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        byte[] doc;
        try (var in = getClass().getResourceAsStream("/documents/engagement-letter.doc")) {
            doc = in.readAllBytes();
        }
        JsonNode stored = upload(token, miller, "engagement-letter.doc", doc, Map.of()).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode version = get(token, "/api/v1/documents/" + stored.get("id").asText() + "/versions").get(0);
        assertThat(version.get("searchable").asBoolean()).as("%s", version).isTrue();
        assertThat(version.get("mediaType").asText()).isEqualTo("application/msword");
        JsonNode hits = get(token, "/api/v1/search?q=\"harbour pilot\"").get("hits");
        assertThat(hits.findValuesAsText("id")).contains(stored.get("id").asText());
        assertThat(hits.toString()).contains("<mark>harbour pilot</mark>");
    }

    private byte[] fixture(String name) throws Exception {
        try (var in = getClass().getResourceAsStream("/documents/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anOutlookMessageIsReadAndFoundByWhatItSays() throws Exception {
        String token = login("ahale");
        String delgado = caseId("2026-PI-0004");
        byte[] msg = fixture("deposition-scheduling.msg");
        JsonNode stored = upload(token, delgado, "deposition-scheduling.msg", msg, Map.of("kind", "correspondence"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode version = get(token, "/api/v1/documents/" + stored.get("id").asText() + "/versions").get(0);
        assertThat(version.get("searchable").asBoolean()).as("%s", version).isTrue();
        assertThat(version.get("mediaType").asText()).isEqualTo("application/vnd.ms-outlook");
        JsonNode hits = get(token, "/api/v1/search?q=\"Ravensworth Reporting\"").get("hits");
        assertThat(hits.findValuesAsText("id")).contains(stored.get("id").asText());
        assertThat(hits.toString()).contains("<mark>Ravensworth Reporting</mark>");
        assertThat(download(token, "/api/v1/documents/" + stored.get("id").asText() + "/content")).isEqualTo(msg);
    }

    @Test
    void aTruncatedOutlookMessageIsKeptButNotSearchable() throws Exception {
        String token = login("ahale");
        String delgado = caseId("2026-PI-0004");
        byte[] whole = fixture("deposition-scheduling.msg");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        JsonNode doc = upload(token, delgado, "deposition-reply.msg", cut, Map.of())
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode version = get(token, "/api/v1/documents/" + doc.get("id").asText() + "/versions").get(0);
        assertThat(version.get("searchable").asBoolean()).isFalse();
        assertThat(version.get("notSearchableReason").asText()).contains("could not be read", "good copy");
        assertThat(download(token, "/api/v1/documents/" + doc.get("id").asText() + "/content")).isEqualTo(cut);
    }

    @Test
    void aDamagedFileIsKeptButNotSearchable() {
        String token = login("ahale");
        String thompson = caseId("2026-CD-0005");
        byte[] notReallyPdf = "%PDF-1.7\n this is not a real pdf".getBytes(StandardCharsets.UTF_8);
        JsonNode doc = upload(token, thompson, "discovery.pdf", notReallyPdf, Map.of())
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode version = get(token, "/api/v1/documents/" + doc.get("id").asText() + "/versions").get(0);
        assertThat(version.get("searchable").asBoolean()).isFalse();
        assertThat(version.get("notSearchableReason").asText()).contains("good copy");
        assertThat(download(token, "/api/v1/documents/" + doc.get("id").asText() + "/content"))
                .isEqualTo(notReallyPdf);
    }

    @Test
    void badUploadsAreProblemsAndStoreNothing() {
        String token = login("ahale");
        String miller = caseId("2025-PI-0012");
        int before = get(token, "/api/v1/cases/" + miller + "/documents").size();
        assertProblem(upload(token, miller, "empty.txt", new byte[0], Map.of()), 400);
        assertProblem(upload(token, miller, "big.bin", new byte[3 * 1024 * 1024], Map.of()), 413);
        assertProblem(upload(token, miller, "x.txt", "x".getBytes(), Map.of("documentId", "nope")), 400);
        String otherCaseDocument = get(token, "/api/v1/cases/" + caseId("2025-PI-0019") + "/documents")
                .get(0).get("id").asText();
        assertProblem(upload(token, miller, "x.txt", "x".getBytes(), Map.of("documentId", otherCaseDocument)), 400);
        assertProblem(client().post().uri("/api/v1/cases/" + miller + "/documents")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 415);
        assertProblem(upload(login("smiller"), miller, "mine.txt", "hello".getBytes(), Map.of()), 403);
        assertThat(get(token, "/api/v1/cases/" + miller + "/documents").size()).isEqualTo(before);
    }

    @Test
    void aClientCannotReadAnotherClientsDocument() {
        String partner = login("ahale");
        String johnsonDoc = get(partner, "/api/v1/cases/" + caseId("2025-PI-0019") + "/documents")
                .get(0).get("id").asText();
        String client = login("smiller");
        assertProblem(client().get().uri("/api/v1/documents/" + johnsonDoc + "/content")
                .headers(h -> h.setBearerAuth(client)).exchange(), 404);
    }
}
