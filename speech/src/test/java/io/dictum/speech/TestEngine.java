package io.dictum.speech;

import java.nio.file.Path;

import io.dictum.models.BundledModels;

/** One engine with the bundled model for all tests in this JVM: loading the model takes a moment. */
final class TestEngine {

    private static SpeechEngine engine;

    private TestEngine() {
    }

    static synchronized SpeechEngine get() {
        if (engine == null) {
            engine = new SpeechEngine(modelDirectory());
        }
        return engine;
    }

    /** The bundled model; when it comes from the dictum-models jar it is extracted under target/. */
    static Path modelDirectory() {
        return BundledModels.voskEnglish(Path.of("target", "model-cache"));
    }
}
