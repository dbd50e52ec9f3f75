package io.dictum.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.Handlers;
import org.junit.jupiter.api.io.TempDir;

class BundledModelsTest {

    @TempDir
    Path temp;

    // ------------------------------------------------------------------ the real bundled model

    @Test
    void bundledModelIsUsedInPlaceWhenOnTheClasspathAsFiles() throws IOException {
        Path cache = temp.resolve("cache");

        Path model = BundledModels.voskEnglish(cache);

        assertThat(model.getFileName()).hasToString(BundledModels.VOSK_ENGLISH_RESOURCE);
        assertThat(model.resolve("am/final.mdl")).isRegularFile();
        assertThat(BundledModels.validateVoskModel(model)).isEqualTo(model.toAbsolutePath().normalize());
        assertThat(cache).doesNotExist();
    }

    @Test
    void buildWritesASortedIndexOfEveryModelFileAndTheVersion() throws IOException {
        Path model = BundledModels.voskEnglish(temp);
        List<String> index = Files.readAllLines(model.resolve(BundledModels.INDEX_FILE));
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(model)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> model.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("FILES") && !p.equals("VERSION"))
                    .sorted()
                    .toList();
        }
        assertThat(index).isSorted().containsExactlyElementsOf(onDisk)
                .contains("am/final.mdl", "conf/mfcc.conf", "graph/HCLr.fst", "graph/Gr.fst");
        assertThat(Files.readString(model.resolve(BundledModels.VERSION_FILE)).strip()).isEqualTo("0.3.45");
    }

    // ------------------------------------------------------------------ extraction from a jar

    @Test
    void extractsFromAJarOnceAndReusesTheCopy() throws Exception {
        Map<String, byte[]> model = fakeModel();
        Path jar = jar(temp.resolve("models.jar"), "1.2.3", model);
        Path cache = temp.resolve("cache");

        Path first;
        try (URLClassLoader loader = loader(jar)) {
            first = BundledModels.voskEnglish(loader, cache);
        }

        assertThat(first).isEqualTo(cache.toAbsolutePath().resolve("vosk-model-en-us-1.2.3"));
        for (Map.Entry<String, byte[]> file : model.entrySet()) {
            assertThat(first.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        assertThat(first.resolve(BundledModels.COMPLETE_MARKER)).isRegularFile();
        if (Files.getFileStore(first).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rwxr-xr-x");
        }
        try (Stream<Path> siblings = Files.list(cache)) {
            assertThat(siblings).containsExactly(first);
        }

        // a second start with a jar whose bytes differ still uses the first copy: it is not rewritten
        Map<String, byte[]> changed = new LinkedHashMap<>(model);
        changed.put("README", "changed".getBytes(StandardCharsets.UTF_8));
        Path jar2 = jar(temp.resolve("models2.jar"), "1.2.3", changed);
        try (URLClassLoader loader = loader(jar2)) {
            assertThat(BundledModels.voskEnglish(loader, cache)).isEqualTo(first);
        }
        assertThat(first.resolve("README")).hasBinaryContent(model.get("README"));

        // a new version goes to a new directory
        Path jar3 = jar(temp.resolve("models3.jar"), "1.2.4", changed);
        try (URLClassLoader loader = loader(jar3)) {
            Path third = BundledModels.voskEnglish(loader, cache);
            assertThat(third).isEqualTo(cache.toAbsolutePath().resolve("vosk-model-en-us-1.2.4"));
            assertThat(third.resolve("README")).hasContent("changed");
        }
    }

    @Test
    void extractsFromANestedJarInsideASpringBootFatJar() throws Exception {
        Map<String, byte[]> model = fakeModel();
        Path inner = jar(temp.resolve("dictum-models.jar"), "3.0", model);
        Path fat = temp.resolve("app.jar");
        byte[] innerBytes = Files.readAllBytes(inner);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(fat))) {
            put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            ZipEntry nested = new ZipEntry("BOOT-INF/lib/dictum-models.jar");
            nested.setMethod(ZipEntry.STORED); // as Spring Boot stores nested jars
            nested.setSize(innerBytes.length);
            nested.setCompressedSize(innerBytes.length);
            CRC32 crc = new CRC32();
            crc.update(innerBytes);
            nested.setCrc(crc.getValue());
            zip.putNextEntry(nested);
            zip.write(innerBytes);
            zip.closeEntry();
        }
        Handlers.register();
        URL nestedUrl = new URL("jar:nested:" + fat.toAbsolutePath() + "/!BOOT-INF/lib/dictum-models.jar!/");
        Path cache = temp.resolve("data/models");
        try (LaunchedClassLoader loader = new LaunchedClassLoader(false, new URL[] {nestedUrl}, null)) {
            assertThat(loader.getResource("vosk-model-en-us/FILES")).asString().startsWith("jar:nested:");

            Path extracted = BundledModels.voskEnglish(loader, cache);

            assertThat(extracted).isEqualTo(cache.toAbsolutePath().resolve("vosk-model-en-us-3.0"));
            for (Map.Entry<String, byte[]> file : model.entrySet()) {
                assertThat(extracted.resolve(file.getKey())).hasBinaryContent(file.getValue());
            }
        }
    }

    @Test
    void replacesAnIncompleteCopyAndRemovesAbandonedPartialOnes() throws Exception {
        Path cache = temp.resolve("cache");
        Path target = cache.resolve("vosk-model-en-us-1.0");
        Files.createDirectories(target.resolve("am"));
        Files.writeString(target.resolve("am/final.mdl"), "half");
        Path abandoned = Files.createDirectories(cache.resolve("vosk-model-en-us-1.0.partial-123"));
        Files.writeString(abandoned.resolve("junk"), "junk");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recent = Files.createDirectories(cache.resolve("vosk-model-en-us-1.0.partial-456"));

        Map<String, byte[]> model = fakeModel();
        try (URLClassLoader loader = loader(jar(temp.resolve("m.jar"), "1.0", model))) {
            Path extracted = BundledModels.voskEnglish(loader, cache);
            assertThat(extracted).isEqualTo(target.toAbsolutePath());
        }
        assertThat(target.resolve("am/final.mdl")).hasBinaryContent(model.get("am/final.mdl"));
        assertThat(abandoned).doesNotExist();
        assertThat(recent).as("a recent partial copy may belong to another process at work").exists();
    }

    @Test
    void aJarMissingAListedFileFailsCleanly() throws Exception {
        Map<String, byte[]> model = fakeModel();
        Path jar = temp.resolve("broken.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "vosk-model-en-us/VERSION", "9\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "vosk-model-en-us/FILES", (String.join("\n", model.keySet()) + "\nam/extra.bin\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : model.entrySet()) {
                put(zip, "vosk-model-en-us/" + file.getKey(), file.getValue());
            }
        }
        Path cache = temp.resolve("cache");
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> BundledModels.voskEnglish(loader, cache))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("am/extra.bin")
                    .hasMessageContaining("rebuild");
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).as("no half-extracted model is left behind").isEmpty();
        }
    }

    @Test
    void rejectsAnIndexThatEscapesTheTargetDirectory() throws Exception {
        Path jar = temp.resolve("evil.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "vosk-model-en-us/VERSION", "1\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "vosk-model-en-us/FILES", "../../etc/passwd\n".getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> BundledModels.voskEnglish(loader, temp.resolve("cache")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Unsafe path");
        }
    }

    @Test
    void concurrentCallersShareOneCopy() throws Exception {
        Path cache = temp.resolve("cache");
        Path jar = jar(temp.resolve("m.jar"), "2.0", fakeModel());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (URLClassLoader loader = loader(jar)) {
            List<Callable<Path>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> BundledModels.voskEnglish(loader, cache));
            }
            List<Path> results = new ArrayList<>();
            for (Future<Path> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).containsOnly(cache.toAbsolutePath().resolve("vosk-model-en-us-2.0"));
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).hasSize(1);
        }
    }

    @Test
    void missingResourceSaysHowToFixIt() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> BundledModels.voskEnglish(empty, temp))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not on the classpath")
                    .hasMessageContaining("DICTUM_VOSK_MODEL");
        }
    }

    @Test
    void aModelInADirectoryOnTheClasspathIsReturnedInPlace() throws Exception {
        Path classes = temp.resolve("classes");
        Path dir = classes.resolve("vosk-model-en-us");
        writeModel(dir, fakeModel());
        Files.writeString(dir.resolve("FILES"), String.join("\n", fakeModel().keySet()));
        Files.writeString(dir.resolve("VERSION"), "1");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(BundledModels.voskEnglish(loader, temp.resolve("cache"))).isEqualTo(dir);
        }
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    // ------------------------------------------------------------------ validation

    @Test
    void acceptsCompleteModelLayouts() throws IOException {
        Path small = writeModel(temp.resolve("small"), fakeModel());
        assertThat(BundledModels.validateVoskModel(small)).isEqualTo(small.toAbsolutePath());

        Path server = temp.resolve("server");
        writeModel(server, Map.of("am/final.mdl", bytes(10), "conf/mfcc.conf", bytes(3),
                "graph/HCLG.fst", bytes(10), "graph/words.txt", bytes(4)));
        assertThat(BundledModels.validateVoskModel(server)).isEqualTo(server.toAbsolutePath());

        Path flat = temp.resolve("flat");
        writeModel(flat, Map.of("final.mdl", bytes(10), "mfcc.conf", bytes(3),
                "HCLG.fst", bytes(10), "words.txt", bytes(4)));
        assertThat(BundledModels.validateVoskModel(flat)).isEqualTo(flat.toAbsolutePath());
    }

    @Test
    void namesWhatIsMissingAndWhatToDo() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("x"));
        Files.createDirectories(dir.resolve("conf"));
        Files.write(dir.resolve("conf/mfcc.conf"), bytes(3));

        assertThatThrownBy(() -> BundledModels.validateVoskModel(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DICTUM_VOSK_MODEL=" + dir + " is not a Vosk model directory: ")
                .hasMessageContaining("am/final.mdl missing")
                .hasMessageContaining("graph/HCLG.fst (or graph/HCLr.fst with graph/Gr.fst) missing")
                .hasMessageContaining("point it at the unpacked model folder (the one containing am/, conf/, graph/)")
                .hasMessageNotContaining("conf/mfcc.conf");
    }

    @Test
    void explainsOtherCommonMistakes() throws IOException {
        assertThatThrownBy(() -> BundledModels.validateVoskModel(temp.resolve("nope")))
                .hasMessageContaining("does not exist");

        Path zip = Files.write(temp.resolve("vosk-model-small-en-us-0.15.zip"), bytes(4));
        assertThatThrownBy(() -> BundledModels.validateVoskModel(zip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an archive, not a directory; unpack it");

        Path parent = temp.resolve("models");
        Path inner = writeModel(parent.resolve("vosk-model-small-en-us-0.15"), fakeModel());
        assertThatThrownBy(() -> BundledModels.validateVoskModel(parent, "dictum.speech.model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dictum.speech.model=" + parent)
                .hasMessageContaining("set it to " + inner.toAbsolutePath());

        Map<String, byte[]> truncated = new LinkedHashMap<>(fakeModel());
        truncated.put("am/final.mdl", new byte[0]);
        Path broken = writeModel(temp.resolve("broken"), truncated);
        assertThatThrownBy(() -> BundledModels.validateVoskModel(broken))
                .hasMessageContaining("am/final.mdl is empty");

        Path noWords = writeModel(temp.resolve("nowords"), Map.of("am/final.mdl", bytes(10),
                "conf/mfcc.conf", bytes(3), "graph/HCLG.fst", bytes(10)));
        assertThatThrownBy(() -> BundledModels.validateVoskModel(noWords))
                .hasMessageContaining("graph/words.txt missing");

        assertThatThrownBy(() -> BundledModels.validateVoskModel(Path.of("")))
                .hasMessageContaining("DICTUM_VOSK_MODEL is empty");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, byte[]> fakeModel() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README", "fake model\n".getBytes(StandardCharsets.UTF_8));
        files.put("am/final.mdl", bytes(300_000));
        files.put("conf/mfcc.conf", "--sample-frequency=16000\n".getBytes(StandardCharsets.UTF_8));
        files.put("conf/model.conf", "--beam=10.0\n".getBytes(StandardCharsets.UTF_8));
        files.put("graph/Gr.fst", bytes(2_000_000));
        files.put("graph/HCLr.fst", bytes(1_000));
        files.put("graph/phones/word_boundary.int", "1 nonword\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    private static Path writeModel(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path p = dir.resolve(file.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, file.getValue());
        }
        return dir;
    }

    private static Path jar(Path jar, String version, Map<String, byte[]> files) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "vosk-model-en-us/VERSION", (version + "\n").getBytes(StandardCharsets.UTF_8));
            put(zip, "vosk-model-en-us/FILES", (String.join("\n", files.keySet()) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, "vosk-model-en-us/" + file.getKey(), file.getValue());
            }
        }
        return jar;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content);
        zip.closeEntry();
    }

    private static URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }
}
