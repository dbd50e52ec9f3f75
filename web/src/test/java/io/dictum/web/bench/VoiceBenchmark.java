package io.dictum.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.web.DictumApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The voice-commands endpoint (HTTP, auth, WAV parsing, resampling, Vosk, intent routing, case resolution, JSON)
 * against raw Vosk decoding of the same audio, measured alternately in one run on one machine. Prints medians and
 * their ratio; run it with scripts/bench-voice.
 */
public final class VoiceBenchmark {

    private static final String[] FIXTURES = {
            "open-the-miller-case.flite-slt.16k.wav",
            "open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav",
            "pull-up-the-kowalczyk-matter.flite-rms.16k.wav"};

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path data = Files.createTempDirectory("dictum-bench-");
        ConfigurableApplicationContext app = SpringApplication.run(DictumApplication.class,
                "--server.port=0", "--dictum.demo=true", "--dictum.data-dir=" + data, "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/auth/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ahale\",\"password\":\"dictum-demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            Path modelDir = data.resolve("models").resolve("vosk-model-en-us-0.3.45");
            try (Model raw = new Model(modelDir.toString())) {
                System.out.printf(Locale.ROOT, "%-66s %7s %12s %12s %7s  %s%n", "fixture", "audio s",
                        "raw Vosk ms", "endpoint ms", "ratio", "intent/status");
                for (String fixture : FIXTURES) {
                    byte[] wav = VoiceBenchmark.class.getResourceAsStream("/audio/" + fixture).readAllBytes();
                    AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav));
                    float rate = in.getFormat().getSampleRate();
                    byte[] pcm = in.readAllBytes();
                    double seconds = pcm.length / 2.0 / rate;
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/api/v1/assistant/voice-commands"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "audio/wav")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
                    String outcome = "";
                    // Warm-up: JIT, first-use allocations, the index searcher.
                    for (int i = 0; i < 2; i++) {
                        decode(raw, pcm, rate);
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    }
                    List<Double> rawMs = new ArrayList<>();
                    List<Double> endpointMs = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        long t0 = System.nanoTime();
                        decode(raw, pcm, rate);
                        long t1 = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long t2 = System.nanoTime();
                        rawMs.add((t1 - t0) / 1e6);
                        endpointMs.add((t2 - t1) / 1e6);
                        JsonNode body = json.readTree(response.body());
                        outcome = response.statusCode() + " " + body.path("intent").asText() + "/"
                                + body.path("status").asText();
                    }
                    double r = median(rawMs);
                    double e = median(endpointMs);
                    System.out.printf(Locale.ROOT, "%-66s %7.2f %12.1f %12.1f %6.2fx  %s%n", fixture, seconds, r, e,
                            e / r, outcome);
                }
            }
            System.out.println("Target: endpoint within 1.3x of raw decoding for a 3-second utterance ("
                    + rounds + " alternating rounds per fixture, medians).");
        } finally {
            app.close();
        }
    }

    private static void decode(Model model, byte[] pcm, float rate) {
        try (Recognizer recognizer = new Recognizer(model, rate)) {
            int chunk = 6400;
            for (int off = 0; off < pcm.length; off += chunk) {
                int n = Math.min(chunk, pcm.length - off);
                recognizer.acceptWaveForm(Arrays.copyOfRange(pcm, off, off + n), n);
            }
            recognizer.getFinalResult();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
