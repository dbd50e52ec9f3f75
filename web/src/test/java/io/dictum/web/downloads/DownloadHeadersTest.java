package io.dictum.web.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Every kind of file Dictum hands out carries the same download headers. */
class DownloadHeadersTest extends WebTestSupport {

    private EntityExchangeResult<byte[]> fetch(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
    }

    /** An attachment named as stored (any characters), its exact length, not cached, not sniffed. */
    private static void assertDownload(EntityExchangeResult<byte[]> result, String filename, String mediaType) {
        HttpHeaders headers = result.getResponseHeaders();
        byte[] body = result.getResponseBody();
        assertThat(body).isNotEmpty();
        ContentDisposition disposition = headers.getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo(filename);
        assertThat(headers.getContentType()).isNotNull();
        assertThat(headers.getContentType().isCompatibleWith(MediaType.parseMediaType(mediaType))).isTrue();
        assertThat(headers.getContentLength()).isEqualTo(body.length);
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getCacheControl()).contains("no-store");
    }

    @Test
    void documentsAndTheirPortalCopiesKeepANameWithAnyCharacters() {
        ClientCase own = clientCase("Download headers");
        String firm = login("ahale");
        String filename = "Schriftsatz für Müller – Entwurf \"final\".txt";
        JsonNode doc = uploadText(firm, own.caseId(), filename, "Downloaded headers", "Zwei Zeilen Text.");
        String id = doc.get("id").asText();

        EntityExchangeResult<byte[]> direct = fetch(firm, "/api/v1/documents/" + id + "/content");
        assertDownload(direct, filename, "text/plain");
        assertThat(direct.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename*=UTF-8''");
        assertThat(direct.getResponseHeaders().getETag()).isNotBlank();
        assertThat(direct.getResponseHeaders().getFirst("X-Document-Version")).isEqualTo("1");

        postJson(firm, "/api/v1/documents/" + id + "/shares", Map.of());
        EntityExchangeResult<byte[]> portal = fetch(login(own.clientUsername()),
                "/api/v1/portal/cases/" + own.caseId() + "/documents/" + id + "/content");
        assertDownload(portal, filename, "text/plain");
        assertThat(portal.getResponseBody()).isEqualTo(direct.getResponseBody());
    }

    @Test
    void invoicesAndTemplatesCarryTheSameHeaders() {
        ClientCase own = clientCase("Invoice download");
        String firm = login("ahale");
        postJson(firm, "/api/v1/rates", Map.of("caseId", own.caseId(), "hourlyRate", 200));
        postJson(firm, "/api/v1/time-entries", Map.of("caseId", own.caseId(), "date", "2025-03-04", "minutes", 30,
                "description", "Reviewed the file for download headers"));
        JsonNode invoice = postJson(firm, "/api/v1/invoices", Map.of("caseId", own.caseId()));
        EntityExchangeResult<byte[]> ledes = fetch(firm, "/api/v1/invoices/" + invoice.get("id").asText()
                + "?format=ledes");
        // LEDES 1998B travels as a plain text file
        assertDownload(ledes, invoice.get("number").asText() + ".txt", "text/plain");

        JsonNode template = get(firm, "/api/v1/templates").get(0);
        EntityExchangeResult<byte[]> content = fetch(firm, "/api/v1/templates/" + template.get("id").asText()
                + "/content");
        assertDownload(content, template.get("filename").asText(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(content.getResponseHeaders().getFirst("X-Template-Version")).isNotBlank();
    }
}
