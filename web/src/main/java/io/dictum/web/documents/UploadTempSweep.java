package io.dictum.web.documents;

import io.dictum.core.DictumProperties;
import io.dictum.web.uploads.MultipartStorage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Removes the partial uploads a killed process left: multipart bodies in {@code DATA_DIR/tmp/multipart} (received
 * mid-body) and uploads in {@code DATA_DIR/tmp} (received, not yet stored). Files written since this start belong to
 * uploads in flight and stay.
 */
@Component
class UploadTempSweep {

    private static final Logger log = LoggerFactory.getLogger(UploadTempSweep.class);

    private final Path uploads;
    private final Path multipart;
    private final Instant started;

    UploadTempSweep(DictumProperties properties, Clock clock) {
        this.uploads = properties.dataDir().resolve("tmp");
        this.multipart = MultipartStorage.directory(properties);
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepInBackground() {
        Mono.fromCallable(this::sweep).subscribeOn(Schedulers.boundedElastic()).subscribe(n -> {
            if (n > 0) {
                log.info("Removed {} partial upload(s) an earlier run left in {}", n, uploads);
            }
        }, e -> log.warn("Could not sweep {}; partial uploads stay until the next start", uploads, e));
    }

    int sweep() throws IOException {
        return sweep(uploads, "upload-*.part") + sweep(multipart, "*.multipart");
    }

    private int sweep(Path directory, String pattern) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, pattern)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(started) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException gone) {
                    // finished meanwhile
                }
            }
        }
        return removed;
    }
}
