package io.dictum.web.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.core.DictumProperties;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.web.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** Document contents on disk are ciphertext; the API still hashes, serves and rewraps the plaintext. */
class EncryptionAtRestTest extends WebTestSupport {

    @Autowired
    DictumProperties properties;

    @Autowired
    DocumentRepository documents;

    private JsonNode upload(String token, String caseId, String filename, byte[] content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return client().post().uri("/api/v1/cases/" + caseId + "/documents").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String newCase(String token, String title) {
        return postJson(token, "/api/v1/cases", Map.of("title", title, "clientName", title + " Client"))
                .get("id").asText();
    }

    private Path blob(String documentId, int version) {
        String key = documents.storageKey(DocumentId.parse(documentId), version).block();
        return properties.dataDir().resolve("documents").resolve(key.substring(0, 2)).resolve(key);
    }

    private byte[] download(String token, String documentId) {
        return client().get().uri("/api/v1/documents/" + documentId + "/content").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void contentsAreStoredEncryptedWhileTheHashAndDownloadAreOfThePlaintext() throws Exception {
        String token = login("ahale");
        String caseId = newCase(token, "Encryption Round Trip");
        byte[] text = "Settlement authority: 250,000. Privileged attorney work product."
                .getBytes(StandardCharsets.UTF_8);
        JsonNode doc = upload(token, caseId, "authority.txt", text);

        assertThat(doc.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
        assertThat(download(token, doc.get("id").asText())).isEqualTo(text);
        String onDisk = new String(Files.readAllBytes(blob(doc.get("id").asText(), 1)), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).startsWith("DICTUM").doesNotContain("Settlement authority");
        // the text is still searchable: it was extracted before encryption
        assertThat(get(token, "/api/v1/search?q=settlement&caseId=" + caseId).toString())
                .contains(doc.get("id").asText());
    }

    @Test
    void damagedContentsAreRefusedWithAProblemAndNoBytes() throws Exception {
        String token = login("ahale");
        String caseId = newCase(token, "Encryption Tamper");
        JsonNode doc = upload(token, caseId, "memo.txt", "Original memo text".getBytes(StandardCharsets.UTF_8));
        Path file = blob(doc.get("id").asText(), 1);
        byte[] original = Files.readAllBytes(file);
        byte[] damaged = original.clone();
        damaged[damaged.length - 5] ^= 0x20;
        Files.write(file, damaged);
        try {
            JsonNode problem = assertProblem(client().get().uri("/api/v1/documents/" + doc.get("id").asText()
                    + "/content").headers(h -> h.setBearerAuth(token)).exchange(), 500);
            assertThat(problem.get("detail").asText()).contains("integrity").contains("none of it was sent");
        } finally {
            Files.write(file, original);
        }
        assertThat(download(token, doc.get("id").asText())).isEqualTo("Original memo text".getBytes());
    }

    @Test
    void theRewrapIsForAdministratorsAndEncryptsContentsStoredBeforeEncryption() throws Exception {
        String token = login("ahale");
        String caseId = newCase(token, "Encryption Legacy");
        byte[] text = "Legacy plaintext stored before encryption existed".getBytes(StandardCharsets.UTF_8);
        JsonNode doc = upload(token, caseId, "legacy.txt", text);
        String id = doc.get("id").asText();
        Path file = blob(id, 1);
        Files.write(file, text); // as a store from before this version left it
        assertThat(download(token, id)).isEqualTo(text);

        assertProblem(client().post().uri("/api/v1/admin/encryption/rewrap").headers(h -> h.setBearerAuth(token))
                .exchange(), 403);
        assertProblem(client().get().uri("/api/v1/admin/encryption").headers(h -> h.setBearerAuth(token))
                .exchange(), 403);

        String admin = login("admin");
        JsonNode started = client().post().uri("/api/v1/admin/encryption/rewrap").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.get("state").asText()).isIn("RUNNING", "DONE");
        JsonNode progress = started;
        for (int i = 0; i < 600 && !progress.get("state").asText().equals("DONE"); i++) {
            Thread.sleep(100);
            progress = get(admin, "/api/v1/admin/encryption");
        }
        assertThat(progress.get("state").asText()).isEqualTo("DONE");
        assertThat(progress.get("failed").asLong()).as("%s", progress).isZero();
        assertThat(progress.get("encrypted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(progress.get("processed").asLong()).isEqualTo(progress.get("encrypted").asLong()
                + progress.get("rewrapped").asLong() + progress.get("current").asLong());
        String primary = progress.get("primaryKeyId").asText();
        assertThat(progress.get("keyIds")).anySatisfy(k -> assertThat(k.asText()).isEqualTo(primary));

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).startsWith("DICTUM")
                .doesNotContain("Legacy plaintext");
        assertThat(download(token, id)).isEqualTo(text);
        assertThat(get(admin, "/api/v1/audit?limit=20").toString()).contains("encryption.rewrap.finish");
    }
}
