package io.dictum.templates.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Tika on files made here with PDFBox and POI, and on hand-written RTF, HTML and e-mail. */
class TextExtractorTest {

    private static final String SENTENCE = "The adjuster offered forty thousand dollars in settlement";

    @TempDir
    Path dir;

    private final TextExtractor extractor = new TextExtractor(100_000);

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private byte[] pdf(String password) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText(SENTENCE);
                text.endText();
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(SENTENCE);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private void assertReads(Path file, String mediaTypePrefix) {
        ExtractedText text = extractor.extract(file, file.getFileName().toString());
        assertThat(text.searchable()).as("%s: %s", file, text.notSearchableReason()).isTrue();
        assertThat(text.text().orElseThrow()).contains("forty thousand dollars in settlement");
        assertThat(text.mediaType()).startsWith(mediaTypePrefix);
    }

    @Test
    void commonOfficeAndMailFormatsAreRead() throws Exception {
        assertReads(write("offer.pdf", pdf(null)), "application/pdf");
        assertReads(write("offer.docx", docx()),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertReads(write("offer.txt", (SENTENCE + "\n").getBytes(StandardCharsets.UTF_8)), "text/plain");
        assertReads(write("offer.html", ("<html><head><title>Offer</title></head><body><p>" + SENTENCE
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8)), "text/html");
        assertReads(write("offer.rtf", ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} \\f0 " + SENTENCE + "\\par }")
                .getBytes(StandardCharsets.US_ASCII)), "application/rtf");
        assertReads(write("offer.eml", ("From: adjuster@insurer.example\r\nTo: counsel@firm.example\r\n"
                + "Subject: Offer\r\nDate: Tue, 3 Mar 2026 10:00:00 -0500\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + SENTENCE + "\r\n")
                .getBytes(StandardCharsets.UTF_8)), "message/rfc822");
    }

    @Test
    void anEncryptedPdfIsKeptOutOfSearchWithTheReason() throws Exception {
        ExtractedText text = extractor.extract(write("sealed.pdf", pdf("secret")), "sealed.pdf");
        assertThat(text.searchable()).isFalse();
        assertThat(text.notSearchableReason().orElseThrow()).contains("encrypted");
    }

    @Test
    void aDamagedFileIsKeptOutOfSearchWithTheReason() throws Exception {
        byte[] good = docx();
        byte[] damaged = java.util.Arrays.copyOf(good, good.length / 3);
        ExtractedText text = extractor.extract(write("broken.docx", damaged), "broken.docx");
        assertThat(text.searchable()).isFalse();
        assertThat(text.notSearchableReason().orElseThrow()).contains("could not be read").contains("good copy");
    }

    @Test
    void longTextIsCutNotFailed() throws Exception {
        Path big = write("long.txt", "word ".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        ExtractedText text = extractor.extract(big, "long.txt");
        assertThat(text.searchable()).isTrue();
        assertThat(text.text().orElseThrow().length()).isLessThanOrEqualTo(100_000);
    }

    @Test
    void aFileWithoutTextSaysSo() throws Exception {
        ExtractedText text = extractor.extract(write("blank.txt", "   \n".getBytes(StandardCharsets.UTF_8)),
                "blank.txt");
        assertThat(text.searchable()).isFalse();
        assertThat(text.notSearchableReason().orElseThrow()).contains("no text");
    }
}
