package io.dictum.core.assistant.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.cases.CaseId;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Which spoken words name a document well enough to share it without asking. */
class SharingCommandsTest {

    private static Document named(String name, String kind) {
        return new Document(DocumentId.random(), CaseId.random(), name, kind, 1, "f.txt", "text/plain", 1,
                "a".repeat(64), OffsetDateTime.now(), false, null, null);
    }

    @Test
    void everyWordSaidMustBeInTheNameOrKind() {
        Document report = named("Police Report - I-95 Collision", null);
        assertThat(SharingCommands.namesEveryWord(report, "police report")).isTrue();
        assertThat(SharingCommands.namesEveryWord(report, "the police report with the client")).isTrue();
        assertThat(SharingCommands.namesEveryWord(report, "collision report")).isTrue();
        assertThat(SharingCommands.namesEveryWord(report, "accident report")).isFalse();
        assertThat(SharingCommands.namesEveryWord(report, "the")).isFalse();
    }

    @Test
    void kindsAndPluralsCount() {
        Document records = named("Bayview Medical Center", "medical records");
        assertThat(SharingCommands.namesEveryWord(records, "medical records")).isTrue();
        assertThat(SharingCommands.namesEveryWord(records, "medical record")).isTrue();
        assertThat(SharingCommands.namesEveryWord(named("Photo of the scene", null), "scene photos")).isTrue();
    }
}
