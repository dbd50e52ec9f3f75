package io.dictum.core.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationLadderTest {

    private static List<Recipient> first(EscalationLadder ladder, int days) {
        return ladder.stepsFor(days).get(0).remind();
    }

    @Test
    void theBuiltInLadderEscalatesFromTheAttorneyToTheTeamToThePartner() {
        EscalationLadder ladder = EscalationLadder.builtIn();
        assertThat(first(ladder, 14)).containsExactly(Recipient.RESPONSIBLE);
        assertThat(first(ladder, 7)).containsExactly(Recipient.RESPONSIBLE);
        assertThat(first(ladder, 3)).containsExactly(Recipient.RESPONSIBLE, Recipient.TEAM);
        assertThat(first(ladder, 1)).containsExactly(Recipient.RESPONSIBLE, Recipient.TEAM,
                Recipient.SUPERVISING_PARTNER);
        assertThat(first(ladder, 0)).containsExactly(Recipient.RESPONSIBLE, Recipient.TEAM,
                Recipient.SUPERVISING_PARTNER);
        // further out than any step: the first step; the later steps follow as fall-backs
        assertThat(first(ladder, 30)).containsExactly(Recipient.RESPONSIBLE);
        assertThat(ladder.stepsFor(7)).hasSize(3);
        assertThat(ladder.stepsFor(1)).hasSize(1);
    }

    @Test
    void aFirmLadderIsReadFromItsFileAndBrokenOnesAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("escalation.yaml");
        Files.writeString(file, "steps:\n  - { daysBefore: 2, remind: [team] }\n"
                + "  - { daysBefore: 10, remind: [supervising_partner] }\n");
        EscalationLadder ladder = EscalationLadder.load(file);
        assertThat(first(ladder, 5)).containsExactly(Recipient.SUPERVISING_PARTNER);
        assertThat(first(ladder, 2)).containsExactly(Recipient.TEAM);

        Files.writeString(file, "steps:\n  - { daysBefore: 2, remind: [janitor] }\n");
        assertThatThrownBy(() -> EscalationLadder.load(file)).hasMessageContaining("janitor")
                .hasMessageContaining(file.toString());
        Files.writeString(file, "steps: []\n");
        assertThatThrownBy(() -> EscalationLadder.load(file)).hasMessageContaining("at least one step");
    }
}
