package io.dictum.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.DictumApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Dictum on a PostgreSQL server of its own that is stopped and started again under a light, mixed load (notes,
 * docketing, document uploads, case lists). While it is down every request is answered promptly with a 503 problem;
 * after it is back requests succeed; and everything acknowledged with a 2xx is there, whole, afterwards.
 */
class DatabaseOutageTest {

    @TempDir
    static Path dir;

    private static PrivatePostgres postgres;
    private static ConfigurableApplicationContext app;
    private static WebClient http;
    private static String token;
    private static String caseId;

    /** One request's outcome; {@code body} is the parsed answer of a 2xx. */
    private record Outcome(String kind, int status, JsonNode body, String failure) {
    }

    private final List<Outcome> acknowledged = new CopyOnWriteArrayList<>();
    private final List<byte[]> uploaded = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        if (bin.isEmpty()) {
            System.err.println("\n*** DatabaseOutageTest SKIPPED: no PostgreSQL server binaries (initdb, pg_ctl) under"
                    + " /usr/lib/postgresql; install Debian's postgresql package to run it. ***\n");
            Assumptions.abort("no PostgreSQL server binaries");
        }
        postgres = PrivatePostgres.create(bin.get());
        app = new SpringApplicationBuilder(DictumApplication.class).run(
                "--server.port=0",
                "--dictum.data-dir=" + dir.resolve("data"),
                "--dictum.db.url=" + postgres.r2dbcUrl(),
                "--dictum.db.username=dictum",
                "--dictum.admin.username=outage",
                "--dictum.admin.password=outage-admin-password");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        // A hang would show as this timeout, never as a pass.
        http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .responseTimeout(Duration.ofSeconds(30))))
                .build();
        token = http.post().uri("/api/v1/auth/login").bodyValue(Map.of("username", "outage",
                "password", "outage-admin-password")).retrieve().bodyToMono(JsonNode.class).block()
                .get("token").asText();
        caseId = http.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("title", "Outage v. Restart", "clientName", "Olive Outage"))
                .retrieve().bodyToMono(JsonNode.class).block().get("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Mono<Outcome> call(String kind, WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(body -> new Outcome(kind, response.statusCode().value(), body.orElse(null), null)))
                .onErrorResume(e -> Mono.just(new Outcome(kind, -1, null, e.toString())));
    }

    /** One round of the mixed load, its four requests at once. */
    private List<Outcome> round(int n) {
        byte[] file = ("Outage exhibit " + n + " " + "x".repeat(n * 37)).getBytes(StandardCharsets.UTF_8);
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "exhibit-" + n + ".txt";
            }
        });
        List<Mono<Outcome>> calls = List.of(
                call("note", http.post().uri("/api/v1/cases/{id}/notes", caseId).headers(h -> h.setBearerAuth(token))
                        .bodyValue(Map.of("text", "outage note " + n))),
                call("docket", http.post().uri("/api/v1/cases/{id}/events", caseId).headers(h -> h.setBearerAuth(token))
                        .bodyValue(Map.of("trigger", "complaint_served", "date", "2026-0" + (1 + n % 9) + "-1"
                                + (n % 9)))),
                call("upload", http.post().uri("/api/v1/cases/{id}/documents", caseId)
                        .headers(h -> h.setBearerAuth(token)).contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(form.build()))),
                call("list", http.get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))));
        List<Outcome> outcomes = Flux.merge(calls).collectList().block(Duration.ofSeconds(90));
        for (Outcome o : outcomes) {
            if (o.status() / 100 == 2) {
                acknowledged.add(o);
                if (o.kind().equals("upload")) {
                    uploaded.add(file);
                }
            }
        }
        return outcomes;
    }

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() throws Exception {
        int n = 0;
        for (int i = 0; i < 5; i++, n++) {
            assertThat(round(n)).allSatisfy(o -> assertThat(o.status()).as("%s", o).isBetween(200, 299));
        }

        // stopped while a round is in flight: each request either completes or fails cleanly, never half
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                postgres.stop();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        List<Outcome> racing = round(n++);
        stopping.join();
        assertThat(racing).allSatisfy(o -> assertThat(o.status() / 100 == 2 || o.status() == 503)
                .as("%s", o).isTrue());

        List<Outcome> down = new ArrayList<>();
        for (int i = 0; i < 5; i++, n++) {
            down.addAll(round(n));
        }
        assertThat(down).allSatisfy(o -> {
            assertThat(o.failure()).as("an answer, not a hang or a dropped connection: %s", o).isNull();
            assertThat(o.status()).as("%s", o).isEqualTo(503);
            assertThat(o.body().get("detail").asText()).contains("Try again");
        });

        postgres.start();
        boolean back = false;
        for (int i = 0; i < 60 && !back; i++, n++) {
            back = round(n).stream().allMatch(o -> o.status() / 100 == 2);
            if (!back) {
                Thread.sleep(500);
            }
        }
        assertThat(back).as("requests succeed again after the restart").isTrue();
        for (int i = 0; i < 5; i++, n++) {
            assertThat(round(n)).allSatisfy(o -> assertThat(o.status()).as("%s", o).isBetween(200, 299));
        }

        assertEverythingAcknowledgedIsThere();
    }

    private void assertEverythingAcknowledgedIsThere() throws Exception {
        JsonNode notes = get("/api/v1/cases/" + caseId + "/notes");
        List<String> noteIds = notes.findValuesAsText("id");
        JsonNode events = get("/api/v1/cases/" + caseId + "/events");
        List<String> eventIds = events.findValuesAsText("id");
        JsonNode deadlines = get("/api/v1/deadlines?caseId=" + caseId);
        int docketed = 0;
        for (Outcome o : acknowledged) {
            switch (o.kind()) {
                case "note" -> assertThat(noteIds).contains(o.body().get("id").asText());
                case "docket" -> {
                    assertThat(eventIds).contains(o.body().path("event").path("id").asText());
                    docketed += o.body().get("deadlines").size();
                }
                case "upload" -> {
                    String id = o.body().get("id").asText();
                    byte[] content = http.get().uri("/api/v1/documents/{id}/content", id)
                            .headers(h -> h.setBearerAuth(token)).retrieve().bodyToMono(byte[].class).block();
                    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                            .isEqualTo(o.body().get("sha256").asText());
                }
                default -> { }
            }
        }
        // no half docketing: exactly the events acknowledged, each with all its deadlines
        assertThat(eventIds).hasSize((int) acknowledged.stream().filter(o -> o.kind().equals("docket")).count());
        assertThat(deadlines.size()).isEqualTo(docketed);
        // no half upload: every stored file belongs to an acknowledged version, and nothing else is in the store
        long documents = get("/api/v1/cases/" + caseId + "/documents").size();
        assertThat(documents).isEqualTo(uploaded.size());
        try (Stream<Path> files = Files.walk(dir.resolve("data").resolve("documents"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(documents);
        }
        assertThat(get("/api/v1/audit/verify").get("valid").asBoolean()).isTrue();
    }

    private JsonNode get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).retrieve().bodyToMono(JsonNode.class).block();
    }
}
