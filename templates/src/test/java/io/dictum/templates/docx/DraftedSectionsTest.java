package io.dictum.templates.docx;

import static io.dictum.templates.docx.DocxBuilder.Span.bold;
import static io.dictum.templates.docx.DocxBuilder.Span.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.templates.extraction.ExtractedText;
import io.dictum.templates.extraction.TextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [#draft ...]} sections: the syntax and its problems with their places, and the seam through which the caller
 * writes them. Templates are written with docx4j and the drafts read back with Tika.
 */
class DraftedSectionsTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(Set.of("ClientName", "IncidentDescription", "Injured"),
            Map.of("Defendants", Set.of("Name")));
    private static final String TAG = "[#draft a summary of the client's injuries from: medical records, Notes,"
            + " IncidentDescription]";

    @TempDir
    Path dir;

    private final TextExtractor tika = new TextExtractor(10_000_000);

    private String text(byte[] docx) throws Exception {
        Path file = Files.createTempFile(dir, "draft-", ".docx");
        Files.write(file, docx);
        ExtractedText extracted = tika.extract(file, "draft.docx");
        return extracted.text().orElseThrow();
    }

    private static DocxTemplate letter() throws Exception {
        return DocxTemplate.read(DocxBuilder.create()
                .paragraph("Dear [ClientName]:")
                .paragraph(bold("Injuries."))
                .paragraph(TAG)
                .paragraph("Very truly yours,")
                .build());
    }

    @Test
    void theTagNamesItsInstructionAndSources() throws Exception {
        DocxTemplate t = letter();

        assertThat(t.validate(VOCABULARY)).isEmpty();
        assertThat(t.drafts()).singleElement().satisfies(d -> {
            assertThat(d.instruction()).isEqualTo("a summary of the client's injuries");
            // kinds of documents are compared in lower case; "notes" is the case's notes; a capital name a field
            assertThat(d.sources()).containsExactly("medical records", "notes", "IncidentDescription");
            assertThat(d.location().paragraph()).isEqualTo(3);
        });
        assertThat(t.placeholders()).contains("ClientName", "IncidentDescription");
        assertThat(DraftSection.parse("[#draft the facts of the accident, from: police report]").section())
                .satisfies(d -> {
                    assertThat(d.instruction()).isEqualTo("the facts of the accident");
                    assertThat(d.sources()).containsExactly("police report");
                });
    }

    @Test
    void brokenDraftTagsAreReportedWithTheirPlace() throws Exception {
        DocxTemplate t = DocxTemplate.read(DocxBuilder.create()
                .paragraph("[#draft]")
                .paragraph("[#draft a summary of the injuries]")
                .paragraph("[#draft from: medical records]")
                .paragraph("Injuries: [#draft a summary from: medical records]")
                .paragraph("[#each Defendants]")
                .paragraph("[#draft a paragraph about [Name] from: notes]")
                .paragraph("[#draft what each did from: notes]")
                .paragraph("[/each]")
                .paragraph("[#draft the facts from: IncidentFacts]")
                .paragraph("[/draft]")
                .build());

        List<TemplateProblem> problems = t.validate(VOCABULARY);

        assertThat(problems).extracting(p -> p.location().paragraph() + ": " + p.message()).containsExactlyInAnyOrder(
                "1: '[#draft]' says nothing to write: give the instruction and its sources, e.g. "
                        + DraftSection.EXAMPLE,
                "2: '[#draft a summary of the injuries]' names no sources: end it with from: and what to write it"
                        + " from: kinds of case documents (medical records), notes, or fields such as"
                        + " IncidentDescription, e.g. " + DraftSection.EXAMPLE,
                "3: '[#draft from: medical records]' says nothing to write: give the instruction and its sources,"
                        + " e.g. " + DraftSection.EXAMPLE,
                "4: [#draft a summary from: medical records] must stand alone in a paragraph of its own: the drafted"
                        + " paragraphs replace that paragraph",
                "6: '[#draft a paragraph about ' is not closed with ]",
                "7: [#draft what each did from: notes] cannot stand inside an [#each] section, where it would be"
                        + " drafted once per item; move it outside the section",
                "9: unknown placeholder IncidentFacts among the sources of [#draft the facts from: IncidentFacts]",
                "10: '[/draft]' is not a known tag; use [#if Name], [#if !Name], [#else], [/if], [#each Name],"
                        + " [/each] or [#draft instruction from: sources]");
        assertThatThrownBy(() -> t.fill(Map.of("ClientName", "x"), OnMissing.MARK, s -> {
            throw new AssertionError("a template with broken syntax must not be drafted");
        })).isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void aWrittenSectionReplacesTheTagUnderItsLabel() throws Exception {
        List<DraftSection> asked = new ArrayList<>();
        SectionWriter writer = section -> {
            asked.add(section);
            return Optional.of(new SectionText("DRAFT FOR REVIEW \u2014 written from the medical records",
                    List.of("Ms. Miller was treated for a cervical strain.\u0007", "", "She was discharged the same"
                            + " day.")));
        };

        Filled filled = letter().fill(Map.of("ClientName", "Sarah Miller"), OnMissing.FAIL, writer);

        assertThat(asked).singleElement().satisfies(s -> assertThat(s.sources()).contains("medical records"));
        assertThat(filled.sections()).singleElement().satisfies(o -> {
            assertThat(o.written()).isTrue();
            assertThat(o.section().instruction()).isEqualTo("a summary of the client's injuries");
        });
        String text = text(filled.docx());
        assertThat(text).containsSubsequence("Dear Sarah Miller:", "Injuries.",
                "DRAFT FOR REVIEW \u2014 written from the medical records",
                "Ms. Miller was treated for a cervical strain.", "She was discharged the same day.",
                "Very truly yours,");
        assertThat(text).doesNotContain("[#draft", "needs writing", "\u0007");
    }

    @Test
    void aSectionNobodyWritesSaysItNeedsWritingAndTheDraftIsStillMade() throws Exception {
        List<SectionWriter> writers = List.of(SectionWriter.NONE, s -> Optional.empty(),
                s -> Optional.of(new SectionText("label", List.of(" ", ""))),
                s -> {
                    throw new IllegalStateException("the writer broke");
                });
        for (SectionWriter writer : writers) {
            Filled filled = letter().fill(Map.of("ClientName", "Sarah Miller"), OnMissing.FAIL, writer);

            assertThat(filled.sections()).singleElement().satisfies(o -> assertThat(o.written()).isFalse());
            assertThat(text(filled.docx())).containsSubsequence("Injuries.",
                    "[This section needs writing: a summary of the client's injuries]", "Very truly yours,");
        }
        // the two-argument fill writes nothing either
        assertThat(text(letter().fill(Map.of("ClientName", "Sarah Miller"), OnMissing.FAIL).docx()))
                .contains("[This section needs writing: a summary of the client's injuries]");
    }

    @Test
    void aSectionInAnIfThatIsLeftOutIsNotWritten() throws Exception {
        DocxTemplate t = DocxTemplate.read(DocxBuilder.create()
                .paragraph("[#if Injured]")
                .paragraph("[#draft a summary of the injuries from: medical records]")
                .paragraph("[/if]")
                .paragraph(plain("Closing."))
                .build());
        List<DraftSection> asked = new ArrayList<>();
        SectionWriter writer = s -> {
            asked.add(s);
            return Optional.of(new SectionText("DRAFT", List.of("Written.")));
        };

        Filled without = t.fill(Map.of(), OnMissing.MARK, writer);
        assertThat(asked).isEmpty();
        assertThat(without.sections()).isEmpty();
        assertThat(text(without.docx())).doesNotContain("Written.", "needs writing");

        Filled with = t.fill(Map.of("Injured", true), OnMissing.MARK, writer);
        assertThat(asked).hasSize(1);
        assertThat(text(with.docx())).containsSubsequence("DRAFT", "Written.", "Closing.");
        assertThat(t.drafts()).hasSize(1);
    }
}
