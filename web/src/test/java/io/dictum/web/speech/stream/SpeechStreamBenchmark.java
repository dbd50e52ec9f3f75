package io.dictum.web.speech.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.speech.AudioClip;
import io.dictum.web.DictumApplication;
import io.dictum.web.speech.SpeechService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * N concurrent WebSocket speech streams against raw Vosk decoding of the same audio with N threads, in one run on
 * one machine. Flat out: per-stream real-time factor (time to the final result over audio duration) beside raw
 * Vosk's. At real-time pace (0.1 s frames every 0.1 s): how long each frame waits for its answer, the largest N
 * whose answers keep up, and the latency from eof to the final result and, in command mode, to the command.
 * Run it with scripts/bench-stream.
 */
public final class SpeechStreamBenchmark {

    private static final String FIXTURE = "open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav";
    private static final int PACED_CHUNK = 3200;   // 0.1 s
    private static final int FLAT_CHUNK = 6400;    // 0.2 s
    /**
     * A stream keeps up when 95 % of the frames of its second half are answered within this long of being sent
     * (the first half includes the new recogniser's slow first decode, which a stream catches up on).
     */
    private static final double KEEPS_UP_SECONDS = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one stream measured. */
    record Run(double seconds, List<Double> frameLatencies, double eofToFinal, double eofToCommand, String text,
               String intent) {
    }

    public static void main(String[] args) throws Exception {
        int maxN = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Path data = Files.createTempDirectory("dictum-stream-bench-");
        ConfigurableApplicationContext app = SpringApplication.run(DictumApplication.class,
                "--server.port=0", "--dictum.demo=true", "--dictum.data-dir=" + data, "--logging.level.root=warn",
                "--dictum.speech.stream.max-streams=256", "--dictum.speech.stream.max-streams-per-user=256");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/auth/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ahale\",\"password\":\"dictum-demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            byte[] one = AudioClip.fromWav(SpeechStreamBenchmark.class.getResourceAsStream("/audio/" + FIXTURE)
                    .readAllBytes()).pcm16le();
            // two utterances with a pause between them: a stream with an endpoint in the middle
            byte[] pcm = new byte[one.length * 2 + 16000];
            System.arraycopy(one, 0, pcm, 0, one.length);
            System.arraycopy(one, 0, pcm, one.length + 16000, one.length);
            double audioSeconds = pcm.length / 2.0 / AudioClip.SAMPLE_RATE;
            URI uri = URI.create("ws://127.0.0.1:" + port + StreamTokenConverter.STREAM_PATH);
            Path modelDir = app.getBean(SpeechService.class).engine().modelDirectory();
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "Audio: %s twice, %.2f s; %d cores; stream decoders = cores.%n%n", FIXTURE,
                    audioSeconds, cores);

            try (Model model = new Model(modelDir.toString())) {
                // warm-up: JIT, first decodes, the index searcher
                rawParallel(model, pcm, 2);
                streams(http, uri, token, pcm, 2, false, "command");

                System.out.println("Flat out (frames sent as fast as the server takes them), per-stream real-time"
                        + " factor = decode time / audio time:");
                System.out.printf(Locale.ROOT, "%4s  %14s  %14s  %7s  %s%n", "N", "raw Vosk RTF", "stream RTF",
                        "ratio", "transcript of stream 1");
                for (int n : sizes(maxN)) {
                    List<Double> raw = rawParallel(model, pcm, n);
                    List<Run> runs = streams(http, uri, token, pcm, n, false, null);
                    double rawRtf = median(raw) / audioSeconds;
                    double streamRtf = median(runs.stream().map(Run::seconds).toList()) / audioSeconds;
                    System.out.printf(Locale.ROOT, "%4d  %14.3f  %14.3f  %6.2fx  %s%n", n, rawRtf, streamRtf,
                            streamRtf / rawRtf, abbreviate(runs.get(0).text()));
                }

                System.out.println();
                System.out.println("Real-time pace (0.1 s frames every 0.1 s), command mode; frame latency = frame"
                        + " sent to its answer received:");
                System.out.printf(Locale.ROOT, "%4s  %12s  %12s  %13s  %14s  %14s  %16s  %16s  %s%n", "N",
                        "frame p50 ms", "frame p95 ms", "2nd half p95", "eof>final p50", "eof>final p95", "eof>command p50",
                        "eof>command p95", "keeps up");
                int largest = 0;
                int misses = 0;
                for (int n : sizes(maxN)) {
                    List<Run> runs = streams(http, uri, token, pcm, n, true, "command");
                    List<Double> frames = new ArrayList<>();
                    List<Double> steady = new ArrayList<>();
                    runs.forEach(r -> {
                        frames.addAll(r.frameLatencies());
                        steady.addAll(r.frameLatencies().subList(r.frameLatencies().size() / 2,
                                r.frameLatencies().size()));
                    });
                    List<Double> finals = runs.stream().map(Run::eofToFinal).toList();
                    List<Double> commands = runs.stream().map(Run::eofToCommand).filter(d -> d >= 0).toList();
                    boolean keepsUp = percentile(steady, 95) <= KEEPS_UP_SECONDS;
                    long understood = runs.stream().filter(r -> "open_case".equals(r.intent())).count();
                    System.out.printf(Locale.ROOT, "%4d  %12.0f  %12.0f  %10.0f ms  %12.0f ms  %12.0f ms  %13.0f ms  %13.0f ms"
                                    + "  %s (%d/%d commands open_case)%n", n,
                            1000 * percentile(frames, 50), 1000 * percentile(frames, 95), 1000 * percentile(steady, 95),
                            1000 * percentile(finals, 50), 1000 * percentile(finals, 95),
                            1000 * percentile(commands, 50), 1000 * percentile(commands, 95),
                            keepsUp ? "yes" : "no", understood, runs.size());
                    if (keepsUp) {
                        largest = n;
                        misses = 0;
                    } else if (++misses >= 2) {
                        break;
                    }
                }
                System.out.printf(Locale.ROOT, "%nLargest N that stays real-time (second-half p95 frame latency <= %.1f s):"
                        + " %d streams on %d cores.%n", KEEPS_UP_SECONDS, largest, cores);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static List<Integer> sizes(int maxN) {
        List<Integer> sizes = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128}) {
            if (n <= maxN) {
                sizes.add(n);
            }
        }
        return sizes;
    }

    /** Seconds each of n threads takes to decode the audio with its own new recogniser, all at once. */
    private static List<Double> rawParallel(Model model, byte[] pcm, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    try (Recognizer recognizer = new Recognizer(model, AudioClip.SAMPLE_RATE)) {
                        recognizer.setWords(true);
                        for (int off = 0; off < pcm.length; off += FLAT_CHUNK) {
                            int len = Math.min(FLAT_CHUNK, pcm.length - off);
                            if (recognizer.acceptWaveForm(Arrays.copyOfRange(pcm, off, off + len), len)) {
                                recognizer.getResult();
                            } else {
                                recognizer.getPartialResult();
                            }
                        }
                        recognizer.getFinalResult();
                    }
                    return (System.nanoTime() - t0) / 1e9;
                }));
            }
            start.countDown();
            List<Double> seconds = new ArrayList<>();
            for (Future<Double> f : futures) {
                seconds.add(f.get());
            }
            return seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** n streams at once; paced at real time or flat out; in the given mode (null: plain transcription). */
    private static List<Run> streams(HttpClient http, URI uri, String token, byte[] pcm, int n, boolean paced,
                                     String mode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Run>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return stream(http, uri, token, pcm, paced, mode);
                }));
            }
            start.countDown();
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) {
                runs.add(f.get(10, TimeUnit.MINUTES));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Run stream(HttpClient http, URI uri, String token, byte[] pcm, boolean paced, String mode)
            throws Exception {
        List<long[]> times = new CopyOnWriteArrayList<>();  // {receivedNanos, index}
        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    times.add(new long[] {System.nanoTime(), messages.size()});
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(mode == null ? uri : URI.create(uri + "?mode=" + mode), listener).join();
        ws.sendText("{\"config\":{\"sample_rate\":16000}}", true).join();
        int chunk = paced ? PACED_CHUNK : FLAT_CHUNK;
        List<Long> sent = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int off = 0, i = 0; off < pcm.length; off += chunk, i++) {
            if (paced) {
                long due = t0 + (long) (i * 1e9 * chunk / 2 / AudioClip.SAMPLE_RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            sent.add(System.nanoTime());
            ws.sendBinary(ByteBuffer.wrap(pcm, off, Math.min(chunk, pcm.length - off)), true).join();
        }
        long eof = System.nanoTime();
        ws.sendText("{\"eof\" : 1}", true).join();
        closed.get(5, TimeUnit.MINUTES);

        // answers come in order: one per frame, extension messages (command) after a final result, then eof's final
        List<Double> frameLatencies = new ArrayList<>();
        int frame = 0;
        double eofToFinal = -1;
        double eofToCommand = -1;
        long last = t0;
        StringBuilder text = new StringBuilder();
        String intent = null;
        for (int k = 0; k < messages.size(); k++) {
            JsonNode m = JSON.readTree(messages.get(k));
            long at = times.get(k)[0];
            last = Math.max(last, at);
            if (m.has("command")) {
                intent = m.get("command").path("intent").asText();
                if (at >= eof) {
                    eofToCommand = (at - eof) / 1e9;
                }
                continue;
            }
            if (m.has("text") && !m.get("text").asText().isEmpty()) {
                text.append(text.length() > 0 ? " | " : "").append(m.get("text").asText());
            }
            if (frame < sent.size()) {
                frameLatencies.add((at - sent.get(frame)) / 1e9);
                frame++;
            } else if (m.has("text") && eofToFinal < 0) {
                eofToFinal = (at - eof) / 1e9;
            }
        }
        return new Run((last - t0) / 1e9, frameLatencies, eofToFinal, eofToCommand, text.toString(), intent);
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "...";
    }
}
