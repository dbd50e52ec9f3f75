package io.dictum.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelVocabularyTest {

    @Test
    void theBundledModelsWordsAreReadFromItsGrammarFst() {
        ModelVocabulary words = TestEngine.get().vocabulary();
        assertThat(words.isKnown()).isTrue();
        assertThat(words.size()).isGreaterThan(100_000);
        // names of the demo firm: most are in the small model's lexicon, "brightline" is not
        assertThat(words.contains("kowalczyk")).isTrue();
        assertThat(words.contains("Miller")).isTrue();
        assertThat(words.contains("brightline")).isFalse();
        assertThat(words.words()).doesNotContain("<eps>", "!SIL", "#0");
    }

    @Test
    void aModelWithoutAReadableWordTableKnowsEveryWord(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("graph"));
        Files.write(dir.resolve("graph").resolve("Gr.fst"), new byte[] {1, 2, 3});
        ModelVocabulary words = ModelVocabulary.of(dir);
        assertThat(words.isKnown()).isFalse();
        assertThat(words.contains("anything")).isTrue();
    }

    @Test
    void wordsTxtIsPreferredWhenPresent(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("graph"));
        Files.writeString(dir.resolve("graph").resolve("words.txt"), "<eps> 0\nmiller 1\ncase 2\n");
        ModelVocabulary words = ModelVocabulary.of(dir);
        assertThat(words.contains("miller")).isTrue();
        assertThat(words.contains("kowalczyk")).isFalse();
    }

    @Test
    void garbageIsNotAnFst() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                ModelVocabulary.fstOutputSymbols(new ByteArrayInputStream(new byte[64]))).isInstanceOf(IOException.class);
    }
}
