package io.dictum.web.speech.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.speech.AudioClip;
import io.dictum.speech.PhraseList;
import io.dictum.speech.SpeechEngine;
import io.dictum.speech.StreamingRecognizer;
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
 * one machine. The audio is a command session: {@link #SESSION}'s utterances back to back, each one push-to-talk
 * press (listed commands, free text, a compound command). Flat out: per-stream real-time factor (time to the last
 * final result over audio duration) beside raw Vosk's, transcribing and in command mode. At real-time pace (0.1 s
 * frames every 0.1 s, command mode, each utterance ended with {"reset":1} as when the talk button is released): how
 * long each frame waits for its answer, the largest N whose answers keep up, and the latency from the end of each
 * utterance's audio to its command result. Paced streams run twice: all starting together (every stream releases
 * the talk button at the same instant, the worst case) and staggered (stream i begins the session at its i-th
 * utterance and up to one utterance's length late, so that all N run at once but do not talk in chorus). Run it
 * with scripts/bench-stream.
 */
public final class SpeechStreamBenchmark {

    /** One press of the talk button: a committed WAV and the intent it should be read as. */
    record Utterance(String resource, String intent) {
    }

    static final List<Utterance> SESSION = List.of(
            new Utterance("commands/open-the-miller-case.flite-slt.16k.wav", "open_case"),
            new Utterance("commands/find-the-police-report.flite-rms.16k.wav", "find_document"),
            new Utterance("commands/show-deadlines-for-the-kowalczyk-case.festival-kaldiphone.16k.wav",
                    "list_deadlines"),
            new Utterance("commands/take-a-note-client-called-about-the-offer.flite-slt.16k.wav", "dictate_note"),
            new Utterance("commands/pull-up-johnson-versus-acme.flite-rms.16k.wav", "open_case"),
            new Utterance("commands/start-a-timer-for-the-garcia-matter.flite-slt.16k.wav", "start_timer"),
            new Utterance("commands/stop-the-timer.festival-kaldiphone.16k.wav", "stop_timer"),
            new Utterance("open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav", "find_document"));
    private static final int PACED_CHUNK = 3200;   // 0.1 s
    private static final int FLAT_CHUNK = 6400;    // 0.2 s
    /**
     * A stream keeps up when 95 % of the frames of its second half are answered within this long of being sent
     * (the first half includes the new recogniser's slow first decode, which a stream catches up on).
     */
    private static final double KEEPS_UP_SECONDS = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LABEL_WIDTH = 27;
    private static final String ROW_HEADER = "%4s  %-" + LABEL_WIDTH + "s  %12s  %12s  %13s  %14s  %14s  %16s  %16s"
            + "  %s%n";

    /**
     * What one stream measured: its duration, each frame's wait for its answer, and per utterance the time from its
     * end ({"reset":1} or eof sent) to its final result and to its command, and the intent read (null: none).
     */
    record Run(double seconds, List<Double> frameLatencies, List<Double> toFinal, List<Double> toCommand,
               List<String> intents, String text) {
    }

    public static void main(String[] args) throws Exception {
        boolean workOnly = args.length > 0 && args[0].equals("work");
        int maxN = args.length > 0 && !workOnly ? Integer.parseInt(args[0]) : 32;
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
            List<byte[]> utterances = new ArrayList<>();
            for (Utterance u : SESSION) {
                utterances.add(AudioClip.fromWav(SpeechStreamBenchmark.class.getResourceAsStream("/audio/"
                        + u.resource()).readAllBytes()).pcm16le());
            }
            byte[] pcm = concat(utterances);
            double audioSeconds = pcm.length / 2.0 / AudioClip.SAMPLE_RATE;
            URI uri = URI.create("ws://127.0.0.1:" + port + StreamTokenConverter.STREAM_PATH);
            Path modelDir = app.getBean(SpeechService.class).engine().modelDirectory();
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "Audio: a command session of %d utterances, %.2f s; %d cores;"
                    + " %d stream decoder threads.%n%n", SESSION.size(), audioSeconds, cores,
                    app.getBean(StreamProperties.class).decoders());

            try (Model model = new Model(modelDir.toString())) {
                // warm-up: JIT, first decodes, the index searcher
                rawParallel(model, pcm, 2);
                streams(http, uri, token, List.of(pcm), 2, false, "command");
                phraseListWork(app, utterances);
                if (workOnly) {
                    app.close();
                    System.exit(0);
                }

                System.out.println("Flat out (frames sent as fast as the server takes them), per-stream real-time"
                        + " factor = decode time / audio time:");
                System.out.printf(Locale.ROOT, "%4s  %12s  %16s  %7s  %16s  %7s%n", "N", "raw Vosk RTF",
                        "transcribe RTF", "ratio", "command RTF", "ratio");
                for (int n : sizes(maxN)) {
                    List<Double> raw = rawParallel(model, pcm, n);
                    List<Run> transcribe = streams(http, uri, token, List.of(pcm), n, false, null);
                    List<Run> command = streams(http, uri, token, utterances, n, false, "command");
                    double rawRtf = median(raw) / audioSeconds;
                    double transcribeRtf = median(transcribe.stream().map(Run::seconds).toList()) / audioSeconds;
                    double commandRtf = median(command.stream().map(Run::seconds).toList()) / audioSeconds;
                    System.out.printf(Locale.ROOT, "%4d  %12.3f  %16.3f  %6.2fx  %16.3f  %6.2fx%n", n, rawRtf,
                            transcribeRtf, transcribeRtf / rawRtf, commandRtf, commandRtf / rawRtf);
                }
                System.out.println("(command mode hears audio with the firm's phrase list first; the open recogniser"
                        + " decodes only utterances that are not one listed phrase)");

                System.out.println();
                System.out.println("Real-time pace (0.1 s frames every 0.1 s), command mode, {\"reset\":1} at the end of"
                        + " each utterance; frame latency = frame sent to its answer received; end>command = reset"
                        + " sent to the command result:");
                System.out.printf(Locale.ROOT, ROW_HEADER, "N",
                        "starts", "frame p50 ms", "frame p95 ms", "2nd half p95", "end>final p50", "end>final p95",
                        "end>command p50", "end>command p95", "keeps up");
                int[] largest = new int[2];
                int[] misses = new int[2];
                for (int n : sizes(maxN)) {
                    for (int staggered = 0; staggered < 2; staggered++) {
                        if (misses[staggered] >= 2) {
                            continue;
                        }
                        if (staggered == 1 && n == 1) {
                            continue;
                        }
                        if (pacedRow(http, uri, token, utterances, n, staggered == 1)) {
                            largest[staggered] = n;
                            misses[staggered] = 0;
                        } else {
                            misses[staggered]++;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%nLargest N that stays real-time (second-half p95 frame latency <= %.1f s)"
                        + " on %d cores: %d streams starting together, %d staggered.%n", KEEPS_UP_SECONDS, cores,
                        largest[0], largest[1]);
                pressByPressRows(app, http, uri, token, utterances, Math.min(8, maxN));
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /**
     * The decoding work of the command session on one thread, measured as the thread's CPU time (what a decoder
     * spends, whatever else the machine does), with the firm's phrase list as streams hear it and with the same
     * phrases but without the patterns listed as pieces: a reading that says a pattern's pieces is then no listed
     * command, and the open recogniser decodes it too.
     */
    private static void phraseListWork(ConfigurableApplicationContext app, List<byte[]> utterances) {
        SpeechEngine engine = app.getBean(SpeechService.class).engine();
        PhraseList withPatterns = app.getBean(CommandVocabulary.class).phrases();
        PhraseList phrasesOnly = PhraseList.of(withPatterns.phrases());
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int rounds = 3;
        double[] cpuMs = new double[2];
        double[] openSeconds = new double[2];
        for (int round = 0; round < rounds; round++) {
            for (int variant = 0; variant < 2; variant++) {
                try (StreamingRecognizer stream = engine.openStream(new StreamingRecognizer.Options(
                        AudioClip.SAMPLE_RATE, List.of(), true, 0, variant == 0 ? withPatterns : phrasesOnly))) {
                    long start = cpu.getCurrentThreadCpuTime();
                    for (byte[] utterance : utterances) {
                        for (int off = 0; off < utterance.length; off += PACED_CHUNK) {
                            stream.accept(Arrays.copyOfRange(utterance, off,
                                    Math.min(utterance.length, off + PACED_CHUNK)));
                        }
                        stream.flush();
                    }
                    cpuMs[variant] += (cpu.getCurrentThreadCpuTime() - start) / 1e6 / rounds;
                    openSeconds[variant] += stream.openSecondsDecoded() / rounds;
                }
            }
        }
        double audio = utterances.stream().mapToInt(u -> u.length).sum() / 2.0 / AudioClip.SAMPLE_RATE;
        System.out.printf(Locale.ROOT, "Decoding work of the command session (%.1f s of audio, one thread, CPU time,"
                + " mean of %d rounds):%n", audio, rounds);
        System.out.printf(Locale.ROOT, "  phrase list with its patterns listed as pieces: %6.0f ms CPU, open recogniser"
                + " decoded %4.1f s%n", cpuMs[0], openSeconds[0]);
        System.out.printf(Locale.ROOT, "  the same phrases without the patterns:          %6.0f ms CPU, open recogniser"
                + " decoded %4.1f s (%.2fx the CPU)%n%n", cpuMs[1], openSeconds[1], cpuMs[1] / cpuMs[0]);
    }

    /** One row of the real-time table: n paced command streams, together or staggered (see the class comment). */
    private static boolean pacedRow(HttpClient http, URI uri, String token, List<byte[]> utterances, int n,
                                    boolean staggered) throws Exception {
        return pacedRow(http, uri, token, utterances, n, staggered, false, staggered ? "staggered" : "together");
    }

    private static boolean pacedRow(HttpClient http, URI uri, String token, List<byte[]> utterances, int n,
                                    boolean staggered, boolean perPress, String label) throws Exception {
        List<Run> runs = streams(http, uri, token, utterances, n, true, "command", staggered, perPress);
        List<Double> frames = new ArrayList<>();
        List<Double> steady = new ArrayList<>();
        List<Double> finals = new ArrayList<>();
        List<Double> commands = new ArrayList<>();
        int right = 0;
        for (Run r : runs) {
            frames.addAll(r.frameLatencies());
            steady.addAll(r.frameLatencies().subList(r.frameLatencies().size() / 2, r.frameLatencies().size()));
            finals.addAll(r.toFinal());
            r.toCommand().stream().filter(d -> d >= 0).forEach(commands::add);
            for (int k = 0; k < SESSION.size(); k++) {
                if (SESSION.get(k).intent().equals(r.intents().get(k))) {
                    right++;
                }
            }
        }
        boolean keepsUp = percentile(steady, 95) <= KEEPS_UP_SECONDS;
        System.out.printf(Locale.ROOT, "%4d  %-" + LABEL_WIDTH + "s  %12.0f  %12.0f  %10.0f ms  %12.0f ms  %12.0f ms  %13.0f ms"
                        + "  %13.0f ms  %s (intents right %d/%d)%n", n, label,
                1000 * percentile(frames, 50), 1000 * percentile(frames, 95), 1000 * percentile(steady, 95),
                1000 * percentile(finals, 50), 1000 * percentile(finals, 95),
                1000 * percentile(commands, 50), 1000 * percentile(commands, 95),
                keepsUp ? "yes" : "no", right, runs.size() * SESSION.size());
        if (n == 8 && !perPress) {
            printPerUtterance(runs);
        }
        return keepsUp;
    }

    /**
     * Each utterance on a stream of its own, as the browser talks (one stream per press of the talk button), with
     * recognisers built ahead for new streams and without: a new stream otherwise builds its two recognisers first.
     */
    private static void pressByPressRows(ConfigurableApplicationContext app, HttpClient http, URI uri, String token,
                                         List<byte[]> utterances, int n) throws Exception {
        SpeechEngine engine = app.getBean(SpeechService.class).engine();
        CommandVocabulary vocabulary = app.getBean(CommandVocabulary.class);
        int ready = app.getBean(StreamProperties.class).readyRecognisers();
        System.out.printf(Locale.ROOT, "%nOne stream per press of the talk button (eof at the release), %d users, with"
                + " %d recognisers of each kind built ahead and with none:%n", n, ready);
        System.out.printf(Locale.ROOT, ROW_HEADER, "N", "starts", "frame p50 ms", "frame p95 ms", "2nd half p95",
                "end>final p50", "end>final p95", "end>command p50", "end>command p95", "keeps up");
        for (boolean staggered : new boolean[] {false, true}) {
            for (int size : new int[] {ready, 0}) {
                engine.keepReady(size);
                for (int i = 0; i < 600 && engine.lacksReady(vocabulary.phrases()); i++) {
                    Thread.sleep(50);
                }
                SpeechEngine.Readiness before = engine.readiness();
                String label = (staggered ? "staggered" : "together") + (size > 0 ? ", built ahead" : ", none ahead");
                pacedRow(http, uri, token, utterances, n, staggered, true, label);
                SpeechEngine.Readiness after = engine.readiness();
                if (size > 0) {
                    System.out.printf(Locale.ROOT, "%4s  recognisers taken ready %d, built on demand %d%n", "",
                            after.taken() - before.taken(), after.missed() - before.missed());
                }
            }
        }
        engine.keepReady(ready);
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

    /** The utterances back to back as one piece of audio. */
    private static byte[] concat(List<byte[]> pieces) {
        byte[] all = new byte[pieces.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** At N = 8: each utterance's end>command p50 and p95 and how often its intent was right. */
    private static void printPerUtterance(List<Run> runs) {
        for (int k = 0; k < SESSION.size(); k++) {
            List<Double> latencies = new ArrayList<>();
            int right = 0;
            for (Run r : runs) {
                if (r.toCommand().get(k) >= 0) {
                    latencies.add(r.toCommand().get(k));
                }
                if (SESSION.get(k).intent().equals(r.intents().get(k))) {
                    right++;
                }
            }
            String name = SESSION.get(k).resource().replaceFirst("^commands/", "").replaceFirst("\\.16k\\.wav$", "");
            System.out.printf(Locale.ROOT, "        %-62s end>command p50 %5.0f ms  p95 %5.0f ms  %s %d/%d%n", name,
                    1000 * percentile(latencies, 50), 1000 * percentile(latencies, 95), SESSION.get(k).intent(),
                    right, runs.size());
        }
    }

    /**
     * n streams at once; paced at real time or flat out; in the given mode (null: plain transcription); each piece
     * of audio ended with {"reset":1}, the last with {"eof":1}.
     */
    private static List<Run> streams(HttpClient http, URI uri, String token, List<byte[]> pieces, int n,
                                     boolean paced, String mode) throws Exception {
        return streams(http, uri, token, pieces, n, paced, mode, false, false);
    }

    /**
     * Like the above; staggered, stream i says the pieces starting from piece i (in a circle) and begins i/n of a
     * mean piece's length late. A run's per-piece lists are given in the pieces' own order either way. With
     * {@code perPress}, each piece is a stream of its own ended with eof, as the browser opens one per press of the
     * talk button, and the next press follows once the stream has closed.
     */
    private static List<Run> streams(HttpClient http, URI uri, String token, List<byte[]> pieces, int n,
                                     boolean paced, String mode, boolean staggered, boolean perPress)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Run>> futures = new ArrayList<>();
            double meanPieceSeconds = pieces.stream().mapToInt(p -> p.length).average().orElse(0)
                    / 2 / AudioClip.SAMPLE_RATE;
            for (int i = 0; i < n; i++) {
                int rotation = staggered ? i % pieces.size() : 0;
                long delay = staggered ? (long) (i * meanPieceSeconds / n * 1e9) : 0;
                List<byte[]> mine = new ArrayList<>(pieces);
                Collections.rotate(mine, -rotation);
                futures.add(pool.submit(() -> {
                    start.await();
                    TimeUnit.NANOSECONDS.sleep(delay);
                    Run run = perPress ? pressByPress(http, uri, token, mine, mode)
                            : stream(http, uri, token, mine, paced, mode);
                    for (List<?> perPiece : List.of(run.toFinal(), run.toCommand(), run.intents())) {
                        Collections.rotate(perPiece, rotation);
                    }
                    return run;
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

    /** One stream per piece, at real-time pace, one after the other; the lists are joined in the pieces' order. */
    private static Run pressByPress(HttpClient http, URI uri, String token, List<byte[]> pieces, String mode)
            throws Exception {
        double seconds = 0;
        List<Double> frames = new ArrayList<>();
        List<Double> toFinal = new ArrayList<>();
        List<Double> toCommand = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (byte[] piece : pieces) {
            Run press = stream(http, uri, token, List.of(piece), true, mode);
            seconds += press.seconds();
            frames.addAll(press.frameLatencies());
            toFinal.addAll(press.toFinal());
            toCommand.addAll(press.toCommand());
            intents.addAll(press.intents());
            text.append(text.length() > 0 ? " | " : "").append(press.text());
        }
        return new Run(seconds, frames, toFinal, toCommand, intents, text.toString());
    }

    private static Run stream(HttpClient http, URI uri, String token, List<byte[]> pieces, boolean paced,
                              String mode) throws Exception {
        List<Long> times = new CopyOnWriteArrayList<>();
        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    times.add(System.nanoTime());
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
        List<Integer> framesPerPiece = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        long t0 = System.nanoTime();
        long audioSent = 0;
        for (int p = 0; p < pieces.size(); p++) {
            byte[] pcm = pieces.get(p);
            int frames = 0;
            for (int off = 0; off < pcm.length; off += chunk, frames++) {
                int len = Math.min(chunk, pcm.length - off);
                if (paced) {
                    long due = t0 + (long) (audioSent * 1e9 / 2 / AudioClip.SAMPLE_RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                sent.add(System.nanoTime());
                ws.sendBinary(ByteBuffer.wrap(pcm, off, len), true).join();
                audioSent += len;
            }
            framesPerPiece.add(frames);
            ends.add(System.nanoTime());
            ws.sendText(p == pieces.size() - 1 ? "{\"eof\" : 1}" : "{\"reset\" : 1}", true).join();
        }
        closed.get(5, TimeUnit.MINUTES);

        // answers come in order: one per frame (a command may follow a final), then the reset's final and command
        List<Double> frameLatencies = new ArrayList<>();
        List<Double> toFinal = new ArrayList<>();
        List<Double> toCommand = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int k = 0;
        int frame = 0;
        long last = t0;
        for (int p = 0; p < pieces.size(); p++) {
            String intent = null;
            double command = -1;
            double fin = -1;
            int answered = 0;
            while (k < messages.size()) {
                JsonNode m = JSON.readTree(messages.get(k));
                long at = times.get(k);
                last = Math.max(last, at);
                if (m.has("command")) {
                    intent = m.get("command").path("intent").asText();
                    if (fin >= 0) {
                        command = (at - ends.get(p)) / 1e9;
                        k++;
                        break;
                    }
                    k++;
                    continue;
                }
                if (fin >= 0 || m.has("error")) {
                    break;  // the next piece's first answer: this piece's reset had no command
                }
                if (m.has("text") && !m.get("text").asText().isEmpty()) {
                    text.append(text.length() > 0 ? " | " : "").append(m.get("text").asText());
                }
                if (answered < framesPerPiece.get(p)) {
                    frameLatencies.add((at - sent.get(frame)) / 1e9);
                    frame++;
                    answered++;
                } else {
                    fin = (at - ends.get(p)) / 1e9;
                }
                k++;
            }
            if (intent != null && command < 0) {
                command = 0;  // read at an endpoint inside the utterance, before the button was released
            }
            toFinal.add(fin);
            toCommand.add(command);
            intents.add(intent);
        }
        return new Run((last - t0) / 1e9, frameLatencies, toFinal, toCommand, intents, text.toString());
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
}
