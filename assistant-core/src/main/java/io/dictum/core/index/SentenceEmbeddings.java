package io.dictum.core.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one in-process all-MiniLM-L6-v2 model of the application (quantised, as the paraphrase fallback measured best), shared by the paraphrase fallback and hybrid search.
 * Loading the ONNX model takes about a second of CPU, so it loads on a thread of its own and start-up does not wait;
 * the first caller that needs a vector does. Vectors (384 dimensions) are returned at unit length, so a dot product is their cosine.
 * Embedding blocks (milliseconds of CPU): callers run it off event loops.
 */
public final class SentenceEmbeddings {

    private final CompletableFuture<EmbeddingModel> model;

    public SentenceEmbeddings(CompletableFuture<EmbeddingModel> model) {
        this.model = model;
    }

    /** The bundled model, loaded on a daemon thread. */
    public static SentenceEmbeddings loadInBackground() {
        return new SentenceEmbeddings(CompletableFuture.supplyAsync(AllMiniLmL6V2QuantizedEmbeddingModel::new, task -> {
            Thread thread = new Thread(task, "sentence-model-load");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The model once loaded. */
    public CompletableFuture<EmbeddingModel> model() {
        return model;
    }

    public float[] embed(String text) {
        return unit(model.join().embed(text).content().vector());
    }

    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        EmbeddingModel loaded = model.join();
        return loaded.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> unit(e.vector())).toList();
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
