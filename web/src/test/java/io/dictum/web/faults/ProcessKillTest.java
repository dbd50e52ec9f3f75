package io.dictum.web.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.core.db.DatabaseSettings;
import io.dictum.core.faults.FaultPoint;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dictum as a separate JVM, killed with SIGKILL mid-upload and mid-docketing and started again on the same data
 * directory: nothing is left half. The kills land mid-body (the upload stream is held half sent), at the named
 * {@link FaultPoint}s between receiving, storing and committing an upload and inside a docketing's transaction, and
 * under a storm of docketings in flight. After the last start: every version row has its stored file with its
 * SHA-256, no stored file lacks a row, no partial upload is left, every event has all its deadlines, the audit chain
 * verifies, and everything acknowledged with a 2xx before a kill is there.
 *
 * <p>Four starts of the whole application take minutes on a busy machine, so the drill runs only with
 * {@code -Ddictum.test.kill-drill=true} ({@code scripts/fault-drill}); with {@code -Ddictum.test.postgres.url} it runs
 * against PostgreSQL in a schema of its own instead of the embedded H2.
 */
class ProcessKillTest {

    private static final String ENABLED = "dictum.test.kill-drill";
    private static final String ADMIN = "drill";
    private static final String PASSWORD = "drill-admin-password";
    private static final String TRIGGER_DATE = "2026-03-02";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path data;
    private Path javaTmp;
    private final List<JsonNode> docketed = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> uploaded = Collections.synchronizedMap(new HashMap<>());
    private String caseId;
    private Dictum dictum;
    /** PostgreSQL in a schema of this run's own when {@code -Ddictum.test.postgres.url} is given; else embedded H2. */
    private final Optional<DatabaseSettings> postgres = Optional.ofNullable(
                    System.getProperty("dictum.test.postgres.url")).filter(url -> url.startsWith("r2dbc:"))
            .map(url -> new DatabaseSettings(url, System.getProperty("dictum.test.postgres.username", "postgres"),
                    System.getProperty("dictum.test.postgres.password", ""), Optional.of("dictum_test_"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 12))));

    @Test
    void aProcessKilledMidUploadOrMidDocketingLeavesNoHalfState() throws Exception {
        if (!Boolean.getBoolean(ENABLED)) {
            System.err.println("""

                    ******************************************************************************
                    * ProcessKillTest SKIPPED: it starts Dictum four times as a separate JVM.    *
                    * Run scripts/fault-drill (or -Ddictum.test.kill-drill=true) to run it.      *
                    ******************************************************************************
                    """);
            Assumptions.abort("the kill drill needs -D" + ENABLED + "=true");
        }
        data = dir.resolve("data");
        javaTmp = Files.createDirectories(dir.resolve("java-tmp"));
        try {
            killMidBodyUnderADocketingStorm();
            killBetweenReceivingAndStoringAndInsideADocketing();
            killBetweenStoringAndCommitting();
            dictum = Dictum.start(this, "");
            assertNothingIsHalf();
        } finally {
            if (dictum != null) {
                dictum.kill();
            }
            if (postgres.isPresent()) {
                DatabaseSettings pg = postgres.get();
                try (var c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                     var statement = c.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + pg.schema().orElseThrow() + " CASCADE");
                }
            }
        }
    }

    /** Kill 1: an upload held half sent, completed uploads and a docketing storm in flight. */
    private void killMidBodyUnderADocketingStorm() throws Exception {
        dictum = Dictum.start(this, "");
        caseId = dictum.post("/api/v1/cases", Map.of("title", "Drill v. Kill", "clientName", "Kim Drill"))
                .get("id").asText();
        for (int i = 0; i < 3; i++) {
            byte[] content = content(i, 512 * 1024 + i * 4099);
            JsonNode created = dictum.upload("acknowledged-" + i + ".bin", content, null).join();
            uploaded.put(created.get("id").asText(), content);
        }
        Storm storm = new Storm(dictum);
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<JsonNode> stuck = dictum.upload("half-sent.bin", content(99, 32 << 20), held);
        await("the server has buffered part of the held upload on disk", () -> largestUpload() > 4 << 20);
        await("docketings are acknowledged while the upload is held", () -> docketed.size() >= 10);
        dictum.kill();
        held.countDown();
        storm.stop();
        assertThat(answer(stuck)).as("an upload cut off mid-body is never acknowledged").isEmpty();
    }

    /** Kill 2: an upload complete in DATA_DIR/tmp but not yet stored; docketings paused inside their transaction. */
    private void killBetweenReceivingAndStoringAndInsideADocketing() throws Exception {
        dictum = Dictum.start(this, FaultPoint.UPLOAD_RECEIVED + "," + FaultPoint.DOCKET_EVENT_INSERTED);
        CompletableFuture<JsonNode> upload = dictum.upload("received.bin", content(7, 8 << 20), null);
        List<CompletableFuture<JsonNode>> dockets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dockets.add(dictum.docket());
        }
        dictum.awaitOutput("FAULT POINT " + FaultPoint.UPLOAD_RECEIVED + " reached");
        dictum.awaitOutput("FAULT POINT " + FaultPoint.DOCKET_EVENT_INSERTED + " reached");
        assertThat(listFiles(data.resolve("tmp"))).as("the received upload waits in DATA_DIR/tmp")
                .anyMatch(p -> p.getFileName().toString().startsWith("upload-"));
        dictum.kill();
        assertThat(answer(upload)).as("the upload waited at %s until the kill", FaultPoint.UPLOAD_RECEIVED)
                .isEmpty();
        for (CompletableFuture<JsonNode> docket : dockets) {
            assertThat(answer(docket)).as("no docketing gets past %s before the kill",
                    FaultPoint.DOCKET_EVENT_INSERTED).isEmpty();
        }
    }

    /** Kill 3: an upload sealed into the store whose rows never commit, docketings acknowledged meanwhile. */
    private void killBetweenStoringAndCommitting() throws Exception {
        dictum = Dictum.start(this, FaultPoint.UPLOAD_STORED);
        long storedBefore = listFiles(data.resolve("documents")).size();
        CompletableFuture<JsonNode> upload = dictum.upload("stored.bin", content(8, 8 << 20), null);
        int ackedBefore = docketed.size();
        Storm storm = new Storm(dictum);
        dictum.awaitOutput("FAULT POINT " + FaultPoint.UPLOAD_STORED + " reached");
        await("docketings are acknowledged while the upload waits", () -> docketed.size() >= ackedBefore + 10);
        assertThat(listFiles(data.resolve("documents"))).as("the sealed contents are in the store")
                .hasSize((int) storedBefore + 1);
        dictum.kill();
        storm.stop();
        assertThat(answer(upload)).as("the upload waited at %s until the kill", FaultPoint.UPLOAD_STORED).isEmpty();
    }

    private void assertNothingIsHalf() throws Exception {
        // every version row has its file, with its SHA-256
        int versions = 0;
        for (JsonNode c : dictum.get("/api/v1/cases?size=200")) {
            for (JsonNode d : dictum.get("/api/v1/cases/" + c.get("id").asText() + "/documents?size=200")) {
                for (JsonNode v : dictum.get("/api/v1/documents/" + d.get("id").asText() + "/versions")) {
                    byte[] content = dictum.bytes("/api/v1/documents/" + d.get("id").asText() + "/content?version="
                            + v.get("version").asInt());
                    assertThat(sha256(content)).as("%s", v).isEqualTo(v.get("sha256").asText());
                    versions++;
                }
            }
        }
        // every acknowledged upload is there, whole, and no upload that was not acknowledged left a document behind
        for (Map.Entry<String, byte[]> u : uploaded.entrySet()) {
            assertThat(dictum.bytes("/api/v1/documents/" + u.getKey() + "/content")).isEqualTo(u.getValue());
        }
        assertThat(dictum.get("/api/v1/cases/" + caseId + "/documents?size=200").findValuesAsText("id"))
                .as("the drill case's documents").containsExactlyInAnyOrderElementsOf(uploaded.keySet());
        // no stored file without its row, no partial upload anywhere: the start-up sweeps run in the background
        int expected = versions;
        await("the start-up sweeps have removed the leftovers", () -> listFiles(data.resolve("documents")).size()
                == expected && listFiles(data.resolve("tmp")).isEmpty() && uploadsIn(javaTmp).isEmpty());
        assertThat(listFiles(data.resolve("documents"))).hasSize(versions);
        assertThat(listFiles(data.resolve("tmp"))).isEmpty();
        assertThat(uploadsIn(javaTmp)).as("multipart bodies in the system temporary directory").isEmpty();

        // every acknowledged docketing is there; every event there has all its deadlines, and no deadline is orphaned
        List<String> events = dictum.get("/api/v1/cases/" + caseId + "/events").findValuesAsText("id");
        assertThat(events).containsAll(docketed.stream().map(d -> d.path("event").path("id").asText()).toList());
        int perEvent = docketed.get(0).get("deadlines").size();
        assertThat(docketed).allSatisfy(d -> assertThat(d.get("deadlines")).hasSize(perEvent));
        Map<String, Long> deadlines = new HashMap<>();
        // the docket is paged (200 a page): read every page
        for (int page = 0; ; page++) {
            JsonNode batch = dictum.get("/api/v1/deadlines?size=200&caseId=" + caseId + "&page=" + page);
            for (JsonNode d : batch) {
                deadlines.merge(d.get("eventId").asText(), 1L, Long::sum);
            }
            if (batch.size() < 200) {
                break;
            }
        }
        assertThat(deadlines.keySet()).containsExactlyInAnyOrderElementsOf(events);
        assertThat(deadlines.values()).allMatch(n -> n == perEvent);

        JsonNode verification = dictum.get("/api/v1/audit/verify");
        assertThat(verification.get("valid").asBoolean()).as("%s", verification).isTrue();
    }

    /** Docketings, eight at a time, until stopped; the acknowledged ones are remembered. */
    private final class Storm {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<CompletableFuture<JsonNode>> sent = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Storm(Dictum target) {
            Semaphore slots = new Semaphore(8);
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                            continue;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    CompletableFuture<JsonNode> docket = target.docket().whenComplete((body, failure) -> {
                        if (body != null) {
                            docketed.add(body);
                        }
                        slots.release();
                    });
                    sent.add(docket);
                }
            }, "docketing-storm");
            thread.setDaemon(true);
            thread.start();
        }

        /** Stops sending, and waits until every docketing sent has its answer (so the acknowledged are all known). */
        void stop() throws InterruptedException {
            running.set(false);
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("the docketing storm stopped").isFalse();
            for (CompletableFuture<JsonNode> docket : sent) {
                answer(docket);
            }
        }
    }

    /** One run of Dictum in its own JVM, on this test's data directory. */
    private static final class Dictum {
        private final ProcessKillTest test;
        private final Process process;
        private final Path output;
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private String token;

        private Dictum(ProcessKillTest test, Process process, Path output, int port) {
            this.test = test;
            this.process = process;
            this.output = output;
            this.base = "http://127.0.0.1:" + port;
        }

        static Dictum start(ProcessKillTest test, String pauseAt) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                            System.getProperty("java.class.path")).split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes")) // the application as shipped, no test beans
                    .collect(Collectors.joining(File.pathSeparator));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Djava.io.tmpdir=" + test.javaTmp));
            if (!pauseAt.isEmpty()) {
                command.add("-Ddictum.test.pause-at=" + pauseAt);
            }
            command.addAll(List.of("-cp", classPath, "io.dictum.web.DictumApplication"));
            Path output = test.dir.resolve("dictum-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.put("DICTUM_DATA_DIR", test.data.toString());
            env.put("DICTUM_PORT", Integer.toString(port));
            env.put("DICTUM_DEMO", "true");
            env.put("DICTUM_ADMIN_USERNAME", ADMIN);
            env.put("DICTUM_ADMIN_PASSWORD", PASSWORD);
            env.put("DICTUM_REMINDERS_ENABLED", "false");
            test.postgres.ifPresent(pg -> {
                env.put("DICTUM_DB_URL", pg.r2dbcUrl());
                env.put("DICTUM_DB_USERNAME", pg.username());
                env.put("DICTUM_DB_PASSWORD", pg.password());
                env.put("DICTUM_DB_SCHEMA", pg.schema().orElseThrow());
            });
            Dictum dictum = new Dictum(test, builder.start(), output, port);
            dictum.awaitReady();
            assertThat(Files.readString(output)).as("the database this drill is meant for")
                    .contains(test.postgres.isPresent() ? "at jdbc:postgresql:" : "at jdbc:h2:file:");
            return dictum;
        }

        private void awaitReady() throws Exception {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("Dictum exited with " + process.exitValue() + " while starting:\n" + tail());
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        token = post("/api/v1/auth/login", Map.of("username", ADMIN, "password", PASSWORD))
                                .get("token").asText();
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            fail("Dictum did not start within " + START_TIMEOUT + ":\n" + tail());
        }

        void awaitOutput(String line) throws Exception {
            test.await("Dictum printed '" + line + "'", () -> {
                try {
                    return Files.readString(output).contains(line);
                } catch (IOException e) {
                    return false;
                }
            });
        }

        /** SIGKILL: no shutdown hook, no graceful shutdown, no flush. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(output);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }

        private HttpRequest.Builder request(String uri) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + uri)).timeout(WAIT);
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }

        JsonNode get(String uri) throws Exception {
            return ok(send(uri), uri);
        }

        byte[] bytes(String uri) throws Exception {
            HttpResponse<byte[]> response = send(uri);
            assertThat(response.statusCode()).as("GET %s: %s", uri, new String(response.body(),
                    StandardCharsets.UTF_8)).isEqualTo(200);
            return response.body();
        }

        private HttpResponse<byte[]> send(String uri) throws Exception {
            try {
                return http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new AssertionError("GET " + uri + " failed: " + e + "\n" + tail(), e);
            }
        }

        JsonNode post(String uri, Object body) throws Exception {
            return ok(http.send(request(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()), uri);
        }

        /** A docketing in flight: completes with the acknowledged body, or exceptionally. */
        CompletableFuture<JsonNode> docket() {
            try {
                return http.sendAsync(request("/api/v1/cases/" + test.caseId + "/events")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of(
                                        "trigger", "complaint_served", "date", TRIGGER_DATE)))).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> ok(r, "docket"));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /**
         * A multipart upload streamed from here; when {@code held} is given the stream stops halfway and waits for
         * it, so the process is killed with half the body received.
         */
        CompletableFuture<JsonNode> upload(String filename, byte[] content, CountDownLatch held) {
            String boundary = "drill" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            HttpRequest request = request("/api/v1/cases/" + test.caseId + "/documents")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                            Collections.enumeration(List.of(new ByteArrayInputStream(head),
                                    held == null ? new ByteArrayInputStream(content) : new Held(content, held),
                                    new ByteArrayInputStream(tail))))))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(r -> ok(r, filename));
        }

        private static JsonNode ok(HttpResponse<byte[]> response, String what) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as("%s: %s", what, body).isBetween(200, 299);
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The content's first half, then a wait for the latch, then a failure: a client cut off mid-body. */
    private static final class Held extends InputStream {
        private final byte[] content;
        private final CountDownLatch held;
        private final AtomicLong position = new AtomicLong();

        Held(byte[] content, CountDownLatch held) {
            this.content = content;
            this.held = held;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int half = content.length / 2;
            int at = (int) position.get();
            if (at >= half) {
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new InterruptedIOException("the upload was held until the server was killed");
            }
            int n = Math.min(len, half - at);
            System.arraycopy(content, at, b, off, n);
            position.addAndGet(n);
            return n;
        }
    }

    /**
     * The answer to a request that was in flight when its process was killed: the body when it was acknowledged with
     * a 2xx, empty when it failed. The client learns of the kill from its closed connection, some time after the
     * process is gone (not by the time {@link Dictum#kill} returns), so this waits for the answer; the request's own
     * timeout ({@link #WAIT}) bounds the wait.
     */
    private static Optional<JsonNode> answer(CompletableFuture<JsonNode> request) throws InterruptedException {
        try {
            return Optional.of(request.get(WAIT.plusSeconds(30).toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException failed) {
            return Optional.empty();
        } catch (TimeoutException e) {
            throw new AssertionError("a request in flight at the kill had no answer within " + WAIT, e);
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Waited " + WAIT + " in vain until " + what + (dictum == null ? "" : ":\n" + dictum.tail()));
            }
            Thread.sleep(200);
        }
    }

    private static byte[] content(int seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static List<Path> listFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            // a file removed while walking: look again
            return listFiles(root);
        }
    }

    /** Upload leftovers, not the native libraries other parts unpack into the temporary directory. */
    private static List<Path> uploadsIn(Path root) {
        return listFiles(root).stream().filter(p -> p.toString().matches(".*(multipart|upload).*")).toList();
    }

    private long largestUpload() {
        long largest = 0;
        for (Path root : List.of(data.resolve("tmp"), javaTmp)) {
            for (Path p : uploadsIn(root)) {
                try {
                    largest = Math.max(largest, Files.size(p));
                } catch (IOException gone) {
                    // removed meanwhile
                }
            }
        }
        return largest;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
