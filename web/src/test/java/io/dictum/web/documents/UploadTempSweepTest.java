package io.dictum.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.DictumProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTempSweepTest {

    @TempDir
    Path data;

    @Test
    void partialUploadsFromBeforeTheStartAreRemovedAndThoseInFlightStay() throws Exception {
        Instant start = Instant.parse("2026-11-27T09:00:00Z");
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        Path leftover = Files.writeString(tmp.resolve("upload-123.part"), "half an upload");
        Path inFlight = Files.writeString(tmp.resolve("upload-456.part"), "still arriving");
        Path other = Files.writeString(tmp.resolve("notes.txt"), "not ours");
        Path multipart = Files.createDirectories(tmp.resolve("multipart"));
        Path halfBody = Files.writeString(multipart.resolve("8812.multipart"), "half a multipart body");
        Path bodyInFlight = Files.writeString(multipart.resolve("9913.multipart"), "a body still arriving");
        Files.setLastModifiedTime(halfBody, FileTime.from(start.minusSeconds(600)));
        Files.setLastModifiedTime(bodyInFlight, FileTime.from(start.plusSeconds(5)));
        Files.setLastModifiedTime(leftover, FileTime.from(start.minusSeconds(600)));
        Files.setLastModifiedTime(other, FileTime.from(start.minusSeconds(600)));
        Files.setLastModifiedTime(inFlight, FileTime.from(start.plusSeconds(5)));

        UploadTempSweep sweep = new UploadTempSweep(new DictumProperties(data, null, null, false, null),
                Clock.fixed(start, ZoneOffset.UTC));

        assertThat(sweep.sweep()).isEqualTo(2);
        assertThat(leftover).doesNotExist();
        assertThat(halfBody).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(bodyInFlight).exists();
        assertThat(other).exists();
    }
}
