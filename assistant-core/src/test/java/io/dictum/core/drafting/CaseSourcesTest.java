package io.dictum.core.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.NewCase;
import io.dictum.core.drafting.CaseSources.SourceText;
import io.dictum.core.notes.NoteService;
import io.dictum.core.testing.EveningInNewYork;
import io.dictum.templates.docx.DraftSection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case's notes given to the model for a draft are dated with the firm's day they were written on. */
class CaseSourcesTest {

    @Test
    void aNoteWrittenInTheEveningIsDatedWithTheFirmsDay() {
        Actor partner = EveningInNewYork.partner();
        LegalCase c = EveningInNewYork.bean(CaseService.class).create(partner, new NewCase(null, "Evening v. Dictation",
                "contract", null, "Evening Dictation LLC", null, null, null)).block();
        EveningInNewYork.bean(NoteService.class).add(partner, c.id(), "Client called: the invoice was never received.")
                .block();

        CaseSources.Found found = EveningInNewYork.bean(CaseSources.class).gather(partner, c.id(),
                List.of(new DraftSection("a summary of the client's calls", List.of("notes"), null)), Map.of())
                .block();

        assertThat(found.of("notes")).extracting(SourceText::label, SourceText::text).containsExactly(
                tuple("the case notes (1)", "2026-11-27, ahale: Client called: the invoice was never received."));
    }
}
