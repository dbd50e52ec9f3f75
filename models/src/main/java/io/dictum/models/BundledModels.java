package io.dictum.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech models that ship inside this module's jar, and a check that a directory really holds a
 * Vosk model.
 *
 * <p>The build unpacks {@code com.alphacephei:vosk-model-en} (the small US English model) into
 * the classpath folder {@value #VOSK_ENGLISH_RESOURCE}, next to a generated {@code FILES}
 * index (one relative path a line) and a {@code VERSION} file. Vosk reads a model from a real
 * directory only, so when the classes run from a jar (the Spring Boot fat jar keeps this module
 * as a nested jar) the model is copied out, file by file through the class loader, into a cache
 * directory once; later calls and later starts reuse that copy.
 */
public final class BundledModels {

    /** Classpath folder of the bundled small English model. */
    public static final String VOSK_ENGLISH_RESOURCE = "vosk-model-en-us";

    /** The setting operators use to point Dictum at another model; named in error messages. */
    public static final String VOSK_MODEL_SETTING = "DICTUM_VOSK_MODEL";

    static final String INDEX_FILE = "FILES";
    static final String VERSION_FILE = "VERSION";
    /** Written last into an extracted copy: its presence means the copy is complete. */
    static final String COMPLETE_MARKER = ".extracted";

    private static final String TEMP_INFIX = ".partial-";
    private static final String STALE_INFIX = ".stale-";
    /** Unfinished extractions older than this are left-overs of a crashed start and removed. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final long LOG_FILES_FROM_BYTES = 1L << 20;
    private static final String MODEL_FOLDER_HINT =
            "point it at the unpacked model folder (the one containing am/, conf/, graph/)";

    private static final Logger log = LoggerFactory.getLogger(BundledModels.class);
    private static final Object EXTRACTION_LOCK = new Object();

    private BundledModels() {
    }

    /**
     * The directory of the bundled small US English Vosk model.
     *
     * <p>When the model is on the classpath as plain files (tests, IDE, exploded deployment)
     * that directory is returned as it is. When it is inside a jar it is extracted once into
     * {@code cacheDirectory/vosk-model-en-us-<version>/}: into a temporary sibling first, then
     * renamed into place, so a crash never leaves a half-written model where one is expected,
     * and several threads or processes sharing the cache agree on one copy.
     *
     * @param cacheDirectory a writable directory for the extracted copy (created if missing),
     *                       e.g. {@code $DICTUM_DATA_DIR/models}; not used when no extraction is needed
     * @return a directory to pass to {@code new org.vosk.Model(path)}
     * @throws IllegalStateException when the model is not on the classpath or cannot be extracted
     */
    public static Path voskEnglish(Path cacheDirectory) {
        return voskEnglish(BundledModels.class.getClassLoader(), cacheDirectory);
    }

    /**
     * Checks that {@code dir} holds a Vosk model, as given through {@value #VOSK_MODEL_SETTING}.
     *
     * @return the directory, absolute and normalised
     * @throws IllegalArgumentException saying what is wrong and what to do about it
     */
    public static Path validateVoskModel(Path dir) {
        return validateVoskModel(dir, VOSK_MODEL_SETTING);
    }

    /**
     * Checks that {@code dir} holds a Vosk model; {@code setting} names where the operator gave
     * the directory (an environment variable or property), so the message can refer to it.
     *
     * <p>A model directory has {@code am/final.mdl}, {@code conf/mfcc.conf} and a decoding graph:
     * {@code graph/HCLG.fst} with {@code graph/words.txt} (server models), or
     * {@code graph/HCLr.fst} with {@code graph/Gr.fst} (small models). The older flat layout
     * with the same files in the folder itself is accepted too.
     *
     * @return the directory, absolute and normalised
     * @throws IllegalArgumentException saying what is wrong and what to do about it
     */
    public static Path validateVoskModel(Path dir, String setting) {
        String label = setting + "=" + dir;
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException(setting + " is empty; " + MODEL_FOLDER_HINT
                    + ", or leave it unset to use the bundled small English model");
        }
        checkModel(dir, label, MODEL_FOLDER_HINT, true);
        return dir.toAbsolutePath().normalize();
    }

    // ------------------------------------------------------------------ bundled model

    static Path voskEnglish(ClassLoader loader, Path cacheDirectory) {
        Objects.requireNonNull(loader, "loader");
        String root = VOSK_ENGLISH_RESOURCE + "/";
        URL index = loader.getResource(root + INDEX_FILE);
        if (index == null) {
            throw new IllegalStateException("The bundled Vosk model is not on the classpath (resource "
                    + root + INDEX_FILE + " not found): build the dictum-models module with Maven, or set "
                    + VOSK_MODEL_SETTING + " to an unpacked Vosk model folder");
        }
        if ("file".equals(index.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(index.toURI()).getParent();
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot turn " + index + " into a file path", e);
            }
            checkBundled(dir, "rebuild the dictum-models module (mvn -pl models install)");
            return dir;
        }
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        String version = readVersion(loader, root);
        List<String> files = readIndex(loader, root, index);
        Path target = cacheDirectory.toAbsolutePath().normalize()
                .resolve(VOSK_ENGLISH_RESOURCE + "-" + version);
        synchronized (EXTRACTION_LOCK) {
            if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                log.debug("Using the Vosk model extracted earlier to {}", target);
                return target;
            }
            extract(loader, root, files, target);
        }
        checkBundled(target, "delete " + target + " so that it is extracted again");
        return target;
    }

    private static void checkBundled(Path dir, String advice) {
        try {
            checkModel(dir, "The bundled Vosk model at " + dir, advice, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String readVersion(ClassLoader loader, String root) {
        try (InputStream in = loader.getResourceAsStream(root + VERSION_FILE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + root + VERSION_FILE
                        + " is missing from the dictum-models jar; rebuild it with Maven");
            }
            String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!version.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalStateException("Resource " + root + VERSION_FILE
                        + " holds no usable version: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + VERSION_FILE, e);
        }
    }

    private static List<String> readIndex(ClassLoader loader, String root, URL indexUrl) {
        List<String> files = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(root + INDEX_FILE)) {
            if (in == null) {
                throw new IllegalStateException("Cannot open " + indexUrl);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || List.of(name.split("/")).contains("..")) {
                    throw new IllegalStateException("Unsafe path '" + name + "' in " + indexUrl);
                }
                files.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + indexUrl, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException(indexUrl + " lists no files; rebuild the dictum-models module");
        }
        return files;
    }

    private static void extract(ClassLoader loader, String root, List<String> files, Path target) {
        Path parent = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            removeAbandoned(parent, target.getFileName().toString());
            temp = Files.createTempDirectory(parent, target.getFileName() + TEMP_INFIX);
            readableByAll(temp);
            log.info("Extracting the bundled Vosk model ({} files) to {}; this happens once and takes a few seconds",
                    files.size(), target);
            long started = System.nanoTime();
            long total = 0;
            int done = 0;
            for (String name : files) {
                Path file = temp.resolve(name).normalize();
                if (!file.startsWith(temp)) {
                    throw new IllegalStateException("Unsafe path '" + name + "' in " + root + INDEX_FILE);
                }
                Files.createDirectories(file.getParent());
                long size;
                try (InputStream in = loader.getResourceAsStream(root + name)) {
                    if (in == null) {
                        throw new IllegalStateException("The dictum-models jar lists " + root + name
                                + " in " + root + INDEX_FILE + " but does not contain it; rebuild it");
                    }
                    size = Files.copy(in, file);
                }
                total += size;
                done++;
                if (size >= LOG_FILES_FROM_BYTES) {
                    log.info("Extracted {} ({}), {} of {} files", name, megabytes(size), done, files.size());
                }
            }
            Files.writeString(temp.resolve(COMPLETE_MARKER),
                    "files=" + files.size() + "\nbytes=" + total + "\n", StandardCharsets.UTF_8);
            publish(temp, target);
            temp = null;
            log.info("Vosk model ready in {} ({} in {} ms)", target, megabytes(total),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot extract the bundled Vosk model to " + target + ": " + e
                    + ". Give Dictum a writable data directory (DICTUM_DATA_DIR), or set "
                    + VOSK_MODEL_SETTING + " to an unpacked Vosk model folder", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Renames the finished temporary copy into place; whoever renames first wins. */
    private static void publish(Path temp, Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            // an unfinished or foreign directory under our name: move it away, then delete it
            Path stale = target.resolveSibling(target.getFileName() + STALE_INFIX + UUID.randomUUID());
            log.warn("Replacing the incomplete model directory {}", target);
            try {
                move(target, stale);
                deleteQuietly(stale);
            } catch (IOException e) {
                if (Files.exists(target)) {
                    throw e;
                }
            }
        }
        try {
            move(temp, target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                throw e;
            }
            // another process finished first; its copy is as good as ours
            log.info("Another process extracted the Vosk model to {} first; using that copy", target);
            deleteQuietly(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Temporary directories are private to their owner; the model copy need not be. */
    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions apply
        }
    }

    private static void removeAbandoned(Path parent, String targetName) {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(targetName + TEMP_INFIX)
                        || p.getFileName().toString().startsWith(targetName + STALE_INFIX))) {
            for (Path sibling : siblings) {
                FileTime modified = Files.getLastModifiedTime(sibling);
                if (modified.toInstant().isBefore(cutoff)) {
                    log.info("Removing the abandoned partial model copy {}", sibling);
                    deleteQuietly(sibling);
                }
            }
        } catch (IOException e) {
            log.debug("Could not look for abandoned model copies in {}", parent, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            log.debug("Could not delete {}", dir, e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    // ------------------------------------------------------------------ validation

    private static void checkModel(Path dir, String label, String advice, boolean lookOneLevelDown) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(label + " does not exist; " + advice);
        }
        if (!Files.isDirectory(dir)) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean archive = name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz")
                    || name.endsWith(".tar") || name.endsWith(".aar") || name.endsWith(".jar");
            throw new IllegalArgumentException(label + " is "
                    + (archive ? "an archive, not a directory; unpack it and " : "a file, not a directory; ")
                    + advice);
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new IllegalArgumentException(label + " is not readable by this process (user "
                    + System.getProperty("user.name") + "); fix its permissions or " + advice);
        }
        List<String> problems = problems(dir);
        if (problems.isEmpty()) {
            return;
        }
        if (lookOneLevelDown) {
            Path inner = singleModelBelow(dir);
            if (inner != null) {
                throw new IllegalArgumentException(label + " is the folder above a Vosk model; set it to "
                        + inner + " instead");
            }
        }
        throw new IllegalArgumentException(label + " is not a Vosk model directory: "
                + String.join(", ", problems) + "; " + advice);
    }

    /** What is missing or broken in {@code dir} as a Vosk model; empty when it looks complete. */
    private static List<String> problems(Path dir) {
        List<String> problems = new ArrayList<>();
        boolean flat = !Files.exists(dir.resolve("am/final.mdl")) && Files.exists(dir.resolve("final.mdl"));
        String am = flat ? "" : "am/";
        String conf = flat ? "" : "conf/";
        String graph = flat ? "" : "graph/";
        requireFile(dir, am + "final.mdl", problems);
        requireFile(dir, conf + "mfcc.conf", problems);
        boolean hclg = Files.exists(dir.resolve(graph + "HCLG.fst"));
        boolean lookahead = Files.exists(dir.resolve(graph + "HCLr.fst")) || Files.exists(dir.resolve(graph + "Gr.fst"));
        if (lookahead) {
            requireFile(dir, graph + "HCLr.fst", problems);
            requireFile(dir, graph + "Gr.fst", problems);
        } else if (hclg) {
            requireFile(dir, graph + "HCLG.fst", problems);
            requireFile(dir, graph + "words.txt", problems);
        } else {
            problems.add(graph + "HCLG.fst (or " + graph + "HCLr.fst with " + graph + "Gr.fst) missing");
        }
        return problems;
    }

    private static void requireFile(Path dir, String relative, List<String> problems) {
        Path file = dir.resolve(relative);
        if (!Files.exists(file)) {
            problems.add(relative + " missing");
        } else if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(relative + " is not a readable file");
        } else {
            try {
                if (Files.size(file) == 0) {
                    problems.add(relative + " is empty (an interrupted download or copy?)");
                }
            } catch (IOException e) {
                problems.add(relative + " cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    private static Path singleModelBelow(Path dir) {
        List<Path> models = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                if (problems(child).isEmpty()) {
                    models.add(child);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return models.size() == 1 ? models.get(0).toAbsolutePath().normalize() : null;
    }
}
