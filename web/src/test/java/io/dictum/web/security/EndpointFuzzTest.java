package io.dictum.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.web.WebTestSupport;
import io.dictum.web.security.EndpointMatrixTest.Endpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Random and malformed input to every endpoint of {@link EndpointMatrixTest}'s list: forged tokens, bad ids in the
 * path, oversized query strings, unknown methods, and for bodies random bytes under random content types, truncated
 * and deeply nested JSON, huge strings, invalid UTF-8, odd Unicode in wrong places and bad UUIDs. Every answer must be
 * a 4xx; anything else (a 2xx, a 5xx, no answer) fails, with the seed to repeat the run
 * ({@code -Ddictum.fuzz.seed=...}, {@code -Ddictum.fuzz.rounds=...} for more).
 */
class EndpointFuzzTest extends WebTestSupport {

    private static final String[] CONTENT_TYPES = {"application/json", "multipart/form-data",
            "application/json; charset=utf-16", "x/y;;=", "text/plain", "application/xml", "application/octet-stream",
            "application/x-www-form-urlencoded", "audio/wav", "text/html", "x-unknown/x-unknown"};
    /** Types that are not JSON: the valid body under one of these must be refused. */
    private static final int FIRST_NOT_JSON = 4;
    private static final String[] ODD = {"\u0000", "\u202e", "\ufeff", "\ud83d\ude00", "\u0301", "\uffff",
            "\u2028", "Ω", "\u00ad", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "' OR 1=1 --", "<script>", "../../etc/passwd", "%00", "\\u0000"};

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    private record Attempt(String what, HttpMethod method, String path, String contentType, byte[] body,
                           String authorization) {
    }

    @Test
    void randomAndMalformedInputToEveryEndpointIsAlwaysA4xx() {
        long seed = Long.getLong("dictum.fuzz.seed", 20261127L);
        int rounds = Integer.getInteger("dictum.fuzz.rounds", 2);
        Random random = new Random(seed);
        String bearer = "Bearer " + login("ahale");
        String caseId = caseId("2024-MM-0003");
        var documents = get(login("ahale"), "/api/v1/cases/" + caseId + "/documents");
        String documentId = documents.isEmpty() ? java.util.UUID.randomUUID().toString()
                : documents.get(0).get("id").asText();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < rounds; round++) {
            for (Endpoint e : EndpointMatrixTest.endpoints(caseId, documentId)) {
                for (Attempt a : attempts(e, caseId, bearer, random)) {
                    sent++;
                    String outcome = send(a);
                    if (outcome != null) {
                        wrong.add(e.method() + " " + e.path() + " / " + a.what() + " -> " + outcome);
                    }
                }
            }
        }
        assertThat(wrong).as("%d of %d fuzz requests were not answered with a 4xx (seed %d; repeat with"
                + " -Ddictum.fuzz.seed=%d)", wrong.size(), sent, seed, seed).isEmpty();
        assertThat(sent).isGreaterThan(EndpointMatrixTest.endpoints(caseId, documentId).size() * 10);
    }

    private List<Attempt> attempts(Endpoint e, String caseId, String bearer, Random random) {
        List<Attempt> list = new ArrayList<>();
        String path = e.path();
        // forged, truncated and foreign credentials
        String token = bearer.substring(7);
        list.add(new Attempt("forged token", e.method(), path, null, null, "Bearer " + randomAscii(random, 10, 300)));
        list.add(new Attempt("truncated token", e.method(), path, null, null,
                bearer.substring(0, 7 + random.nextInt(token.length() - 1))));
        list.add(new Attempt("token with a flipped character", e.method(), path, null, null, "Bearer "
                + flip(token, random)));
        list.add(new Attempt("basic auth", e.method(), path, null, null, "Basic " + randomAscii(random, 1, 40)));
        // a method no endpoint serves
        list.add(new Attempt("PUT", HttpMethod.PUT, path, "application/json", randomBytes(random, 200), bearer));
        // bad ids where the path has one, a junk segment where it has none
        String[] badIds = {randomAscii(random, 1, 60), odd(random) + odd(random), "x".repeat(2000 + random.nextInt(2000)),
                caseId.substring(0, 35) + "g", "-" + random.nextInt(1000), caseId.toUpperCase() + "0"};
        for (String bad : badIds) {
            String encoded = URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
            String mutated = path.contains(caseId) ? path.replace(caseId, encoded)
                    : path.replaceFirst("(\\?|$)", "/" + encoded + "$1");
            list.add(new Attempt("bad id '" + abbreviate(bad) + "'", e.method(), mutated, e.body() == null ? null
                    : "application/json", e.body() == null ? null : e.body().getBytes(StandardCharsets.UTF_8),
                    bearer));
        }
        // a query string far past what any endpoint takes
        list.add(new Attempt("huge query", e.method(), path + (path.contains("?") ? "&" : "?") + "q="
                + "a".repeat(20_000 + random.nextInt(20_000)), null, null, bearer));
        // negative, overflowing and non-numeric paging where the endpoint pages
        for (String param : pagingParams(path)) {
            for (String value : new String[] {"-1", "-" + (1 + random.nextInt(1_000_000)), "99999999999999999999",
                    "1e3", odd(random), "0x10"}) {
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
                list.add(new Attempt(param + "=" + abbreviate(value), e.method(), path
                        + (path.contains("?") ? "&" : "?") + param + "=" + encoded, null, null, bearer));
            }
        }
        if (path.contains("caseId=")) {
            list.add(new Attempt("bad caseId parameter", e.method(), path.replace("caseId=" + caseId, "caseId="
                    + URLEncoder.encode(odd(random) + randomAscii(random, 1, 20), StandardCharsets.UTF_8)), null,
                    null, bearer));
        }
        if (e.method() == HttpMethod.GET || e.body() == null) {
            // an endpoint that takes no body rightly ignores one: sharing a document with junk attached shares it
            return list;
        }
        String valid = e.body() == null ? "{}" : e.body();
        list.add(new Attempt("random bytes", e.method(), path, randomContentType(random), randomBytes(random, 4000),
                bearer));
        list.add(new Attempt("random bytes as JSON", e.method(), path, "application/json", randomBytes(random, 4000),
                bearer));
        list.add(new Attempt("truncated JSON", e.method(), path, "application/json",
                valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8), bearer));
        int depth = 200 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        list.add(new Attempt("JSON nested " + depth + " deep", e.method(), path, "application/json",
                (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8), bearer));
        list.add(new Attempt("huge string", e.method(), path, "application/json", ("{\"text\":\""
                + "é".repeat(600_000 + random.nextInt(200_000)) + "\"}").getBytes(StandardCharsets.UTF_8), bearer));
        list.add(new Attempt("unknown field with an odd name", e.method(), path, "application/json",
                (valid.substring(0, valid.length() - 1) + (valid.length() > 2 ? "," : "") + "\"" + odd(random)
                        + odd(random) + "\":1}").getBytes(StandardCharsets.UTF_8), bearer));
        list.add(new Attempt("odd Unicode where an object belongs", e.method(), path, "application/json",
                ("[\"" + odd(random) + "\"," + "\"" + odd(random) + "\"]").getBytes(StandardCharsets.UTF_8), bearer));
        byte[] invalidUtf8 = (valid.substring(0, valid.length() - 1) + (valid.length() > 2 ? "," : "")
                + "\"x\":\"\u0001\"}").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
        list.add(new Attempt("invalid UTF-8", e.method(), path, "application/json", invalidUtf8, bearer));
        if (valid.contains("\"caseId\":\"")) {
            list.add(new Attempt("bad UUID in the body", e.method(), path, "application/json", valid.replace(caseId,
                    odd(random) + randomAscii(random, 0, 40)).getBytes(StandardCharsets.UTF_8), bearer));
        }
        String wrongType = CONTENT_TYPES[FIRST_NOT_JSON + random.nextInt(CONTENT_TYPES.length - FIRST_NOT_JSON)];
        // A CSV upload also takes text/plain: the valid body under it is rightly accepted.
        if (!e.type().getSubtype().equals("json") && wrongType.equals("text/plain")) {
            wrongType = "application/xml";
        }
        list.add(new Attempt("JSON under a wrong content type", e.method(), path, wrongType,
                valid.getBytes(StandardCharsets.UTF_8),
                bearer));
        return list;
    }

    private static List<String> pagingParams(String path) {
        if (path.matches("/api/v1/(cases|deadlines|notifications)(\\?.*)?")) {
            return List.of("page", "size");
        }
        if (path.startsWith("/api/v1/search") || path.startsWith("/api/v1/audit?")) {
            return List.of("limit");
        }
        return List.of();
    }

    /** Null when the answer was a 4xx, else what came instead. A plain JDK client: it sends whatever it is given. */
    private String send(Attempt a) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + a.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(a.method().name(), a.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(a.body()));
            if (a.authorization() != null) {
                request.header("Authorization", a.authorization());
            }
            if (a.contentType() != null) {
                request.header("Content-Type", a.contentType());
            }
            int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 4 ? null : Integer.toString(status);
        } catch (java.io.IOException | RuntimeException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String flip(String token, Random random) {
        char[] chars = token.toCharArray();
        int i = random.nextInt(chars.length);
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String odd(Random random) {
        return ODD[random.nextInt(ODD.length)];
    }

    private static String randomContentType(Random random) {
        return CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    }

    private static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[1 + random.nextInt(max)];
        random.nextBytes(bytes);
        bytes[0] = (byte) (0x80 | bytes[0]); // never by chance the start of a JSON value
        return bytes;
    }

    private static String randomAscii(Random random, int min, int max) {
        StringBuilder s = new StringBuilder();
        int n = min + random.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            s.append((char) (33 + random.nextInt(94)));
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…(" + s.length() + ")" : s;
    }
}
