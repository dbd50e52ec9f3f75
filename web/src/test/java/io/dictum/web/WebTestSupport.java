package io.dictum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.core.testing.AdjustableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running application on a random port, with the demo firm in a fresh data directory and the real speech model.
 * Every web test shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebTestSupport.TestClock.class)
public abstract class WebTestSupport {

    /** The application's clock, which a test may move forward (see {@link AdjustableClock}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return AdjustableClock.system();
        }
    }

    public static final String DEMO_PASSWORD = "dictum-demo";
    private static final Path DATA_DIR = createDataDir();

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected AdjustableClock clock;

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("dictum-web-test-");
            // a firm rule set with a deadline counted from another deadline, as a firm would add it
            Files.createDirectories(dir.resolve("deadlines"));
            try (InputStream in = WebTestSupport.class.getResourceAsStream("/deadlines/FRCP-NY.yaml")) {
                Files.copy(in, dir.resolve("deadlines/FRCP-NY.yaml"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dictum.data-dir", DATA_DIR::toString);
        registry.add("dictum.demo", () -> "true");
        registry.add("dictum.time-zone", () -> "America/New_York");
        // Small, so that the upload limit can be tested without gigabytes.
        registry.add("spring.webflux.multipart.max-disk-usage-per-part", () -> "2MB");
    }

    protected WebTestClient client() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    protected String login(String username) {
        JsonNode body = client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", DEMO_PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return body.get("token").asText();
    }

    protected JsonNode get(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected JsonNode postJson(String token, String uri, Object body) {
        return client().post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec patch(String token, String uri, Object body) {
        return client().patch().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected JsonNode patchJson(String token, String uri, Object body) {
        return patch(token, uri, body).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    /** Asserts an RFC 9457 problem response with the given status and a detail that says something. */
    protected JsonNode assertProblem(WebTestClient.ResponseSpec response, int status) {
        JsonNode problem = response.expectStatus().isEqualTo(HttpStatusCode.valueOf(status))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem).isNotNull();
        assertThat(problem.has("status") && problem.has("title") && problem.has("detail"))
                .as("problem body %s", problem).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).hasSizeGreaterThan(15);
        return problem;
    }

    /** The id of the demo case with this number, as a partner sees it. */
    protected String caseId(String number) {
        JsonNode cases = get(login("ahale"), "/api/v1/cases?size=200");
        for (JsonNode c : cases) {
            if (c.get("number").asText().equals(number)) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("demo case " + number + " is missing");
    }

    protected int caseCount() {
        return get(login("ahale"), "/api/v1/cases?size=200").size();
    }

    protected static byte[] audio(String name) {
        try (InputStream in = WebTestSupport.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new AssertionError("missing audio fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case of its own with a client user who may sign in (password {@link #DEMO_PASSWORD}). */
    protected record ClientCase(String caseId, String number, String title, String clientUsername) {
    }

    /** Opens a new case for a new client and gives that client a user, so a test shares no fixture. */
    protected ClientCase clientCase(String title) {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = postJson(login("ahale"), "/api/v1/cases", Map.of("title", title + " " + suffix,
                "matterType", "personal_injury", "clientName", "Client " + suffix));
        String username = "client-" + suffix;
        postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password", DEMO_PASSWORD,
                "role", "client", "displayName", "Client " + suffix, "contactId", created.get("clientId").asText()));
        return new ClientCase(created.get("id").asText(), created.get("number").asText(),
                created.get("title").asText(), username);
    }

    /** Uploads a text file to a case as the given user and returns the stored document. */
    protected JsonNode uploadText(String token, String caseId, String filename, String name, String text) {
        org.springframework.http.client.MultipartBodyBuilder form =
                new org.springframework.http.client.MultipartBodyBuilder();
        form.part("file", new org.springframework.core.io.ByteArrayResource(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        form.part("name", name);
        return client().post().uri("/api/v1/cases/" + caseId + "/documents").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
