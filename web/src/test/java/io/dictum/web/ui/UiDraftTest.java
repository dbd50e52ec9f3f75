package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

class UiDraftTest extends UiTestSupport {

    @Test
    void aDemandLetterIsDraftedForACaseAndDownloadedAsWordAndPdf() throws Exception {
        browser();
        signIn("bking");
        driver.findElement(By.linkText("Draft")).click();
        heading("Draft a document");

        new Select(driver.findElement(By.id("draft-case"))).selectByVisibleText("Miller v. Acme Trucking (2025-PI-0012)");
        Select template = new Select(driver.findElement(By.id("draft-template")));
        template.getOptions().stream().filter(o -> o.getText().toLowerCase().contains("demand")).findFirst()
                .orElseThrow(() -> new AssertionError("no demand letter template offered")).click();
        driver.findElement(By.cssSelector("#draft-form button[type=submit]")).click();

        // either the case file has every value, or the page asks for the missing ones; then gaps are marked
        waitFor(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("draft-result")),
                ExpectedConditions.presenceOfElementLocated(By.id("missing-form"))));
        if (!driver.findElements(By.id("missing-form")).isEmpty()) {
            screenshot("missing");
            driver.findElement(By.id("draft-mark")).click();
        }
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("draft-result")));
        assertThat(driver.findElement(By.id("draft-result")).getText()).contains("Drafted").contains("review it");
        String documentId = driver.findElement(By.id("draft-result")).getAttribute("data-document-id");
        // without a language model, the demand letter's injury summary is a section that needs writing
        assertThat(driver.findElement(By.id("sections-to-write")).getText()).contains("injuries");
        screenshot("drafted");

        driver.findElement(By.id("draft-download-pdf")).click();
        Path pdf = waitFor(d -> downloaded(".pdf"));
        waitFor(d -> startsWith(pdf, "%PDF"));
        driver.findElement(By.id("draft-download-docx")).click();
        Path docx = waitFor(d -> downloaded(".docx"));
        waitFor(d -> startsWith(docx, "PK"));

        // the draft is now a document of the case
        driver.findElement(By.linkText("Open the case")).click();
        heading("Miller v. Acme Trucking");
        waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#documents li[data-document-id='" + documentId + "']")));
    }

    @Test
    void withoutACaseThePageSaysWhatToChoose() {
        browser();
        signIn("bking");
        driver.get(url("#/draft"));
        heading("Draft a document");
        driver.findElement(By.cssSelector("#draft-form button[type=submit]")).click();
        // the browser's own required-field check or the page's message: either way nothing is drafted
        assertThat(driver.findElements(By.id("draft-result"))).isEmpty();
    }

    private Path downloaded(String suffix) {
        if (!Files.isDirectory(downloads)) {
            return null;
        }
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static boolean startsWith(Path file, String magic) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > magic.length() && new String(bytes, 0, magic.length(),
                    java.nio.charset.StandardCharsets.ISO_8859_1).equals(magic);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
