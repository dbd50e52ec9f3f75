package io.dictum.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.templates.extraction.ExtractedText;
import io.dictum.templates.extraction.TextExtractor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed Outlook message is what its generator writes, and real readers (POI HSMF, Tika) read it. */
class OutlookMessageFixtureTest {

    private static final String FIXTURE = "/documents/deposition-scheduling.msg";

    @TempDir
    Path dir;

    private static byte[] committed() throws Exception {
        try (InputStream in = OutlookMessageFixtureTest.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theCommittedFixtureIsWhatTheGeneratorWrites() throws Exception {
        assertThat(OutlookMessageFixture.write(OutlookMessageFixture.DEPOSITION))
                .as("regenerate with scripts/make-fixtures documents").isEqualTo(committed());
    }

    @Test
    void itHasTheStoragesAndStreamsOfAnOutlookMessage() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(committed()))) {
            DirectoryEntry root = fs.getRoot();
            assertThat(root.getStorageClsid().toString()).isEqualTo("{00020D0B-0000-0000-C000-000000000046}");
            int rootProperties = ((DocumentEntry) root.getEntry("__properties_version1.0")).getSize();
            assertThat(rootProperties).isGreaterThan(32);
            assertThat((rootProperties - 32) % 16).isZero();
            DirectoryEntry names = (DirectoryEntry) root.getEntry("__nameid_version1.0");
            assertThat(names.getEntryNames()).containsExactlyInAnyOrder("__substg1.0_00020102",
                    "__substg1.0_00030102", "__substg1.0_00040102");
            DirectoryEntry recipient = (DirectoryEntry) root.getEntry("__recip_version1.0_#00000000");
            int recipientProperties = ((DocumentEntry) recipient.getEntry("__properties_version1.0")).getSize();
            assertThat((recipientProperties - 8) % 16).isZero();
            assertThat(root.getEntryNames()).contains("__substg1.0_0037001F", "__substg1.0_1000001F",
                    "__substg1.0_0C1A001F", "__substg1.0_0E04001F", "__substg1.0_001A001F");
        }
    }

    @Test
    void poiReadsTheMessageAsOutlookWouldShowIt() throws Exception {
        try (MAPIMessage msg = new MAPIMessage(new ByteArrayInputStream(committed()))) {
            assertThat(msg.getMessageClassEnum()).isEqualTo(MAPIMessage.MESSAGE_CLASS.NOTE);
            assertThat(msg.getSubject()).isEqualTo("Delgado v. Acme Trucking - deposition of Frank Delgado");
            assertThat(msg.getDisplayFrom()).isEqualTo("Karen Mitchell");
            assertThat(msg.getDisplayTo()).isEqualTo("Alexandra Hale");
            assertThat(msg.getRecipientEmailAddress()).isEqualTo("ahale@hale-ortiz.example");
            assertThat(msg.getTextBody()).contains("Ravensworth Reporting will provide the court reporter",
                    "Tuesday, October 6, 2026");
            Calendar sent = msg.getMessageDate();
            assertThat(sent.toInstant()).isEqualTo(OutlookMessageFixture.DEPOSITION.sent().toInstant());
        }
    }

    @Test
    void tikaExtractsSubjectSenderAndBodyForTheIndex() throws Exception {
        Path file = Files.write(dir.resolve("deposition-scheduling.msg"), committed());
        ExtractedText text = new TextExtractor(100_000).extract(file, "deposition-scheduling.msg");
        assertThat(text.searchable()).as("%s", text.notSearchableReason()).isTrue();
        assertThat(text.mediaType()).isEqualTo("application/vnd.ms-outlook");
        assertThat(text.text().orElseThrow()).contains("deposition of Frank Delgado", "Karen Mitchell",
                "Ravensworth Reporting", "Counsel for Defendant Acme Trucking Inc.");
    }
}
