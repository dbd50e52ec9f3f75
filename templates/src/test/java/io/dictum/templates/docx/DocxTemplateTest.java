package io.dictum.templates.docx;

import static io.dictum.templates.docx.DocxBuilder.Span.bold;
import static io.dictum.templates.docx.DocxBuilder.Span.italic;
import static io.dictum.templates.docx.DocxBuilder.Span.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.templates.extraction.ExtractedText;
import io.dictum.templates.extraction.TextExtractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.docx4j.TraversalUtil;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates written with docx4j, filled, and read back with Tika as any reader of the draft would. */
class DocxTemplateTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(
            Set.of("ClientName", "CaseNumber", "Court", "FilingDate", "OpposingCounsel", "Today", "DemandAmount",
                    "Insurer"),
            Map.of("Defendants", Set.of("Name")));

    @TempDir
    Path dir;

    private final TextExtractor tika = new TextExtractor(10_000_000);

    private String text(byte[] docx) throws Exception {
        Path file = Files.createTempFile(dir, "draft-", ".docx");
        Files.write(file, docx);
        ExtractedText extracted = tika.extract(file, "draft.docx");
        assertThat(extracted.notSearchableReason()).isEmpty();
        return extracted.text().orElseThrow();
    }

    private static Map<String, Object> millerValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ClientName", "Sarah Miller");
        values.put("CaseNumber", "2025-PI-0012");
        values.put("Court", "U.S. District Court for the District of Maryland");
        values.put("FilingDate", LocalDate.of(2026, 3, 3));
        values.put("OpposingCounsel", "Karen Mitchell");
        values.put("Today", LegalFormat.date(LocalDate.of(2026, 11, 27)));
        values.put("DemandAmount", LegalFormat.money(new BigDecimal("40000")));
        values.put("Defendants", List.of(Map.of("Name", "Acme Trucking Inc."), Map.of("Name", "Dale Porter")));
        return values;
    }

    @Test
    void everyValueArrivesInTheDraft() throws Exception {
        byte[] template = DocxBuilder.create()
                .heading("DEMAND FOR SETTLEMENT")
                .right("[Today]")
                .paragraph("Re: [ClientName], case [CaseNumber], [Court]")
                .paragraph("Filed on [FilingDate]. Opposing counsel: [OpposingCounsel].")
                .paragraph(plain("We demand "), bold("[DemandAmount]"), plain(" to settle all claims."))
                .build();
        DocxTemplate t = DocxTemplate.read(template);
        assertThat(t.validate(VOCABULARY)).isEmpty();
        assertThat(t.placeholders()).containsExactly("CaseNumber", "ClientName", "Court", "DemandAmount",
                "FilingDate", "OpposingCounsel", "Today");

        Filled filled = t.fill(millerValues(), OnMissing.FAIL);

        assertThat(filled.missing()).isEmpty();
        String text = text(filled.docx());
        assertThat(text).contains("November 27, 2026", "Re: Sarah Miller, case 2025-PI-0012, U.S. District Court"
                + " for the District of Maryland", "Filed on March 3, 2026. Opposing counsel: Karen Mitchell.",
                "We demand $40,000.00 to settle all claims.").doesNotContain("[");
    }

    @Test
    void placeholdersSplitAcrossRunsAreFoundAndKeepTheFirstRunsFormatting() throws Exception {
        byte[] template = DocxBuilder.create()
                .paragraph(plain("Dear [Cli"), bold("entNa"), plain("me], re [Case"), italic("Number]."))
                .paragraph(bold("[Oppos"), plain("ingCounsel] for the defense"))
                .build();

        Filled filled = DocxTemplate.read(template).fill(millerValues(), OnMissing.FAIL);

        assertThat(text(filled.docx())).contains("Dear Sarah Miller, re 2025-PI-0012.",
                "Karen Mitchell for the defense");
        Map<String, R> runs = runsByText(filled.docx());
        assertThat(runs.get("Sarah Miller").getRPr().getB()).as("the value takes the first run's format").isNull();
        assertThat(runs.get("Karen Mitchell").getRPr().getB()).isNotNull();
        assertThat(runs.get(".").getRPr().getI()).as("text after the placeholder keeps its own format").isNotNull();
    }

    @Test
    void conditionalAndRepeatedSections() throws Exception {
        byte[] template = DocxBuilder.create()
                .paragraph("To [ClientName][#if OpposingCounsel], copy to [OpposingCounsel][/if].")
                .paragraph("[#if Insurer]Insurer: [Insurer][#else]No insurer is known.[/if]")
                .paragraph("[#each Defendants]")
                .paragraph(plain("Defendant: "), bold("[Name]"), plain(" in [CaseNumber]"))
                .paragraph("[/each]")
                .paragraph("[#if !Insurer]")
                .paragraph("We will write to the insurer once known.")
                .paragraph("[/if]")
                .paragraph("Defendants: [Defendants]; [#each Defendants][Name]; [/each]")
                .table(List.of(List.of("Party", "Role"), List.of("[#each Defendants]", ""),
                        List.of("[Name]", "defendant"), List.of("[/each]", "")))
                .build();
        DocxTemplate t = DocxTemplate.read(template);
        assertThat(t.validate(VOCABULARY)).isEmpty();

        String text = text(t.fill(millerValues(), OnMissing.FAIL).docx());

        assertThat(text).contains("To Sarah Miller, copy to Karen Mitchell.", "No insurer is known.",
                "Defendant: Acme Trucking Inc. in 2025-PI-0012", "Defendant: Dale Porter in 2025-PI-0012",
                "We will write to the insurer once known.",
                "Defendants: Acme Trucking Inc. and Dale Porter; Acme Trucking Inc.; Dale Porter; ")
                .doesNotContain("[#", "[/", "Insurer:");
        assertThat(text).containsPattern("(?s)Party\\s+Role\\s+Acme Trucking Inc\\.\\s+defendant\\s+Dale Porter"
                + "\\s+defendant");

        Map<String, Object> noCounsel = millerValues();
        noCounsel.remove("OpposingCounsel");
        noCounsel.put("Insurer", "Acme Insurance Co.");
        noCounsel.put("Defendants", List.of());
        Filled without = t.fill(noCounsel, OnMissing.MARK);
        assertThat(without.missing()).extracting(MissingValue::name).containsExactly("Defendants");
        String other = text(without.docx());
        assertThat(other).contains("To Sarah Miller.", "Insurer: Acme Insurance Co.")
                .doesNotContain("copy to", "Defendant:", "once known")
                .containsPattern("(?s)Party\\s+Role").doesNotContainPattern("(?s)Role\\s+\\S+\\s+defendant");
    }

    @Test
    void brokenSyntaxAndUnknownNamesAreReportedWithTheirPlace() throws Exception {
        byte[] template = DocxBuilder.create()
                .paragraph("Dear [ClientName,")
                .paragraph("[#if OpposingCounsel]copy to [OpposingCounsel]")
                .paragraph("Re: [CaseNumbr] and [Court}")
                .paragraph("[#foreach Defendants]")
                .paragraph("[#each Defendants]")
                .paragraph("[Name]")
                .paragraph("[/if]")
                .paragraph("Quoted text [sic] and [emphasis added] is left alone, and [[ClientName] is literal.")
                .build();
        DocxTemplate t = DocxTemplate.read(template);

        List<TemplateProblem> problems = t.validate(VOCABULARY);

        assertThat(problems).extracting(p -> p.location().paragraph() + ": " + p.message()).containsExactlyInAnyOrder(
                "1: placeholder '[ClientName' is not closed with ]",
                "2: [#if OpposingCounsel] is never closed with [/if] in the same paragraph; a section that spans"
                        + " paragraphs needs its opening and closing tags each alone in a paragraph of their own",
                "3: unknown placeholder [CaseNumbr]",
                "3: placeholder '[Court}' must end with ] instead of }",
                "4: '[#foreach Defendants]' is not a known tag; use [#if Name], [#if !Name], [#else], [/if],"
                        + " [#each Name], [/each] or [#draft instruction from: sources]",
                "7: [/if] closes [#each Defendants] (opened at paragraph 5 (\"[#each Defendants]\")), which needs"
                        + " [/each]");
        assertThat(problems).filteredOn(p -> p.location().paragraph() == 1).singleElement()
                .satisfies(p -> assertThat(p.location().excerpt()).isEqualTo("Dear [ClientName,"));
        assertThatThrownBy(() -> t.fill(millerValues(), OnMissing.MARK))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("[ClientName");

        byte[] escaped = DocxBuilder.create().paragraph("[[ClientName] is [ClientName]; [sic].").build();
        assertThat(text(DocxTemplate.read(escaped).fill(millerValues(), OnMissing.FAIL).docx()))
                .contains("[ClientName] is Sarah Miller; [sic].");
    }

    @Test
    void missingValuesFailOrAreMarkedVisibly() throws Exception {
        byte[] template = DocxBuilder.create()
                .paragraph("Dear [ClientName],")
                .paragraph("Please forward this to [OpposingCounsel] before [FilingDate].")
                .paragraph("[#if Insurer]Insurer [Insurer][/if]")
                .paragraph("[#each Defendants]").paragraph("Defendant [Name]").paragraph("[/each]")
                .build();
        DocxTemplate t = DocxTemplate.read(template);
        Map<String, Object> values = new LinkedHashMap<>(millerValues());
        values.remove("OpposingCounsel");
        values.remove("Defendants");
        values.put("FilingDate", " ");

        Filled failed = t.fill(values, OnMissing.FAIL);
        assertThat(failed.docx()).isNull();
        assertThat(failed.missing()).extracting(MissingValue::name).containsExactly("OpposingCounsel", "FilingDate",
                "Defendants");
        assertThat(failed.missing().get(0).location().paragraph()).isEqualTo(2);
        assertThat(failed.missing().get(0).location().excerpt())
                .startsWith("Please forward this to [OpposingCounsel]");

        Filled marked = t.fill(values, OnMissing.MARK);
        assertThat(marked.missing()).hasSize(3);
        assertThat(text(marked.docx())).contains("Please forward this to \u00abMISSING: OpposingCounsel\u00bb before"
                + " \u00abMISSING: FilingDate\u00bb.", "\u00abMISSING: Defendants\u00bb").doesNotContain("Defendant ");
        R mark = runsByText(marked.docx()).get("\u00abMISSING: OpposingCounsel\u00bb");
        assertThat(mark.getRPr().getHighlight().getVal()).isEqualTo("yellow");
    }

    @Test
    void aFiftyPageTemplate() throws Exception {
        DocxBuilder builder = DocxBuilder.create();
        for (int page = 1; page <= 50; page++) {
            builder.heading("Section " + page);
            for (int i = 0; i < 12; i++) {
                builder.paragraph(plain("Page " + page + ", item " + i + ": [Client"), bold("Name]"),
                        plain(" in [CaseNumber] before the [Court], a paragraph long enough to fill several"
                                + " lines of a printed page, as pleadings and agreements do."));
            }
            builder.paragraph("[#each Defendants]").paragraph("Defendant on page " + page + ": [Name]")
                    .paragraph("[/each]").pageBreak();
        }
        DocxTemplate t = DocxTemplate.read(builder.build());
        assertThat(t.validate(VOCABULARY)).isEmpty();

        String text = text(t.fill(millerValues(), OnMissing.FAIL).docx());

        assertThat(text.split("Sarah Miller in 2025-PI-0012", -1)).hasSize(50 * 12 + 1);
        assertThat(text).contains("Page 50, item 11: Sarah Miller", "Defendant on page 50: Dale Porter")
                .doesNotContain("[");
    }

    @Test
    void somethingThatIsNotAWordDocumentIsRefused() throws Exception {
        assertThatThrownBy(() -> DocxTemplate.read("Dear [ClientName]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TemplateFormatException.class).hasMessageContaining("not a Word document");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not a document".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> DocxTemplate.read(zip.toByteArray()))
                .isInstanceOf(TemplateFormatException.class).hasMessageContaining("not a Word document");
        byte[] good = DocxBuilder.create().paragraph("[ClientName]").build();
        assertThatThrownBy(() -> DocxTemplate.read(java.util.Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(TemplateFormatException.class);
    }

    @Test
    void legalFormats() {
        assertThat(LegalFormat.date(LocalDate.of(2026, 3, 3))).isEqualTo("March 3, 2026");
        assertThat(LegalFormat.money(new BigDecimal("40000"))).isEqualTo("$40,000.00");
        assertThat(LegalFormat.money(new BigDecimal("1234567.895"))).isEqualTo("$1,234,567.90");
        assertThat(LegalFormat.money(new BigDecimal("-12.5"))).isEqualTo("-$12.50");
        assertThat(LegalFormat.list(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    }

    /** Each run of the document by its whole text. */
    private static Map<String, R> runsByText(byte[] docx) throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
        Map<String, R> runs = new LinkedHashMap<>();
        List<Object> found = new ArrayList<>();
        new TraversalUtil(pkg.getMainDocumentPart().getContent(), new TraversalUtil.CallbackImpl() {
            @Override
            public List<Object> apply(Object o) {
                if (o instanceof R) {
                    found.add(o);
                }
                return null;
            }
        });
        for (Object o : found) {
            R r = (R) o;
            StringBuilder sb = new StringBuilder();
            for (Object c : r.getContent()) {
                Object u = org.docx4j.XmlUtils.unwrap(c);
                if (u instanceof Text t) {
                    sb.append(t.getValue());
                }
            }
            runs.putIfAbsent(sb.toString(), r);
        }
        return runs;
    }
}
