package io.dictum.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

class ImportApiTest extends WebTestSupport {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    // Numbers of their own per run, so that a rerun of this test starts from a file the firm has not seen.
    private static final String RUN = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    private static final String CASES = """
            Case Number,Case Name,Client,Practice Area,Open Date,Status,Responsible Attorney,Court
            WEB-%1$s-1,Castellano v. Ridgeway Transit,Marisol Castellano,Personal Injury,2021-06-01,Open,ahale,"Kings County Supreme Court"
            WEB-%1$s-2,Castellano Estate Plan,Marisol Castellano,Estate Planning,2022-01-15,Closed,,
            WEB-%1$s-3,Bad status,Somebody,Other,2022-01-15,Sleeping,,
            2025-PI-0012,A number the firm has,Sarah Miller,,,,,
            """.formatted(RUN);

    private JsonNode csv(String token, String uri, String body, int status) {
        return client().post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(CSV)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Polls the job until it is no longer running (a minute at most: the rows here take milliseconds). */
    private JsonNode finished(String token, String jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode job = get(token, "/api/v1/import/jobs/" + jobId);
            if (!job.get("status").asText().equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + jobId + " still running");
    }

    @Test
    void aDryRunShowsWhatWouldHappenAndTheRealRunIsIdempotent() throws Exception {
        String partner = login("mortiz");
        int before = caseCount();
        JsonNode dry = csv(partner, "/api/v1/import/cases?dryRun=true", CASES, 200);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("create").findValuesAsText("line")).containsExactly("2", "3");
        assertThat(dry.get("duplicates").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(dry.get("duplicates").get(0).get("existingId").asText()).isEqualTo(caseId("2025-PI-0012"));
        JsonNode error = dry.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(4);
        assertThat(error.get("column").asText()).isEqualTo("Status");
        assertThat(caseCount()).isEqualTo(before);

        JsonNode started = client().post().uri("/api/v1/import/cases").headers(h -> h.setBearerAuth(partner))
                .contentType(CSV).bodyValue(CASES.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/import/jobs/[0-9a-f-]{36}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.get("total").asInt()).isEqualTo(4);
        JsonNode job = finished(partner, started.get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("done");
        assertThat(job.get("processed").asInt()).isEqualTo(4);
        assertThat(job.get("created").asInt()).isEqualTo(2);
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(caseCount()).isEqualTo(before + 2);
        assertThat(get(partner, "/api/v1/search?q=ridgeway").get("hits").findValuesAsText("title"))
                .contains("Castellano v. Ridgeway Transit");
        assertThat(get(partner, "/api/v1/audit?limit=500").findValuesAsText("action")).contains("case.import",
                "import.start", "import.finish");

        // The same file as a multipart upload: nothing new.
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(CASES.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "matters.csv";
            }
        }).contentType(CSV);
        JsonNode again = client().post().uri("/api/v1/import/cases").headers(h -> h.setBearerAuth(partner))
                .body(BodyInserters.fromMultipartData(form.build())).exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("filename").asText()).isEqualTo("matters.csv");
        JsonNode rerun = finished(partner, again.get("id").asText());
        assertThat(rerun.get("created").asInt()).isZero();
        assertThat(rerun.get("skipped").asInt()).isEqualTo(3);
        assertThat(caseCount()).isEqualTo(before + 2);
    }

    @Test
    void contactsImportAndMalformedFilesAreProblemsWithLineNumbers() {
        String admin = login("admin");
        JsonNode dry = csv(admin, "/api/v1/import/contacts?dryRun=true", """
                Name,Email,Phone,Type,Aliases
                Anneliese Drummond-Pryce,adp@example.org,555 0199,Individual,Annie Pryce
                "Drummond-Pryce, Anneliese",,,,
                """, 200);
        assertThat(dry.get("create")).hasSize(1);
        assertThat(dry.get("duplicates").get(0).get("duplicateOfLine").asInt()).isEqualTo(2);

        JsonNode quoting = assertProblem(client().post().uri("/api/v1/import/contacts")
                .headers(h -> h.setBearerAuth(admin)).contentType(CSV)
                .bodyValue("Name,Email\nA,a@example.org\n\"B,b@example.org\nC,c@example.org\n"
                        .getBytes(StandardCharsets.UTF_8)).exchange(), 400);
        assertThat(quoting.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(quoting.get("nothingImported").asBoolean()).isTrue();
        JsonNode encoding = assertProblem(client().post().uri("/api/v1/import/contacts?dryRun=true")
                .headers(h -> h.setBearerAuth(admin)).contentType(CSV)
                .bodyValue("Name\nZoë\n".getBytes(StandardCharsets.ISO_8859_1)).exchange(), 400);
        assertThat(encoding.get("detail").asText()).contains("UTF-8", "line 2");
        JsonNode missing = assertProblem(client().post().uri("/api/v1/import/cases")
                .headers(h -> h.setBearerAuth(admin)).contentType(CSV)
                .bodyValue("Title,Client\nX,Y\n".getBytes(StandardCharsets.UTF_8)).exchange(), 400);
        assertThat(missing.get("problems").get(0).get("column").asText()).isEqualTo("Matter Number");
        assertProblem(client().post().uri("/api/v1/import/contacts").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(new MultipartBodyBuilder().build())
                .exchange(), 400);
        assertProblem(client().post().uri("/api/v1/import/matters").headers(h -> h.setBearerAuth(admin))
                .contentType(CSV).bodyValue("Name\nX\n".getBytes(StandardCharsets.UTF_8)).exchange(), 404);
        assertProblem(client().post().uri("/api/v1/import/contacts?dryRun=true")
                .headers(h -> h.setBearerAuth(login("bking"))).contentType(CSV)
                .bodyValue("Name\nX\n".getBytes(StandardCharsets.UTF_8)).exchange(), 403);
        assertProblem(client().get().uri("/api/v1/import/jobs/not-a-uuid").headers(h -> h.setBearerAuth(admin))
                .exchange(), 400);
    }
}
