package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A timekeeper runs the timer, logs time by hand, and bills it: draft, issue, PDF, paid. */
class UiBillingTest extends UiTestSupport {

    private static final Pattern TOTAL_DUE = Pattern.compile("Total due: \\$([0-9,]+\\.[0-9]{2})");

    private void status(String selector, String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(selector), text));
    }

    /**
     * The date a form offers as today is the firm's day (New York here), wherever the browser is: a browser in
     * Kiritimati (UTC+14) is a day ahead of New York from 05:00 there, one in Pago Pago (UTC-11) a day behind until
     * 06:00, so at any hour one of them would offer another day than the firm's if the browser's clock were used.
     */
    @Test
    void theTimeFormOffersTheFirmsDayWhereverTheBrowserIs() {
        for (String zone : new String[] {"Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
            browserIn(zone);
            signIn("bking");
            driver.findElement(By.linkText("Time")).click();
            heading("Time");
            LocalDate before = LocalDate.now(ZoneId.of("America/New_York"));
            String offered = driver.findElement(By.id("log-date")).getAttribute("value");
            LocalDate after = LocalDate.now(ZoneId.of("America/New_York"));
            assertThat(offered).as("the day offered in a browser in " + zone)
                    .isIn(before.toString(), after.toString());
            assertThat(driver.findElement(By.id("log-date")).getAttribute("max")).isIn(before.toString(),
                    after.toString());
        }
    }

    @Test
    void timeIsLoggedAndAnInvoiceIsIssued() throws Exception {
        // a timekeeper of their own (one timer per person) and a case of their own, with a rate
        String username = "ui-billing-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password",
                DEMO_PASSWORD, "role", "associate", "displayName", "Iris Calloway")).get("id").asText();
        String partner = login("ahale");
        JsonNode created = postJson(partner, "/api/v1/cases", Map.of("title", "Lindqvist v. Northwind Shipping",
                "matterType", "contract", "clientName", "Elsa Lindqvist"));
        String caseId = created.get("id").asText();
        postJson(partner, "/api/v1/rates", Map.of("userId", userId, "caseId", caseId, "hourlyRate", 240.00));

        browser();
        signIn(username);
        driver.findElement(By.linkText("Time")).click();
        heading("Time");
        assertThat(driver.findElement(By.id("timer-state")).getText()).isEqualTo("No timer is running.");

        // the timer, by keyboard: choose the case, start, pause, resume, stop
        new Select(driver.findElement(By.id("timer-case"))).selectByValue(caseId);
        driver.findElement(By.id("timer-start")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("timer-state"),
                "Running on Lindqvist v. Northwind Shipping"));
        waitFor(ExpectedConditions.elementToBeClickable(By.id("timer-pause"))).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("timer-state"), "Paused"));
        screenshot("timer-paused");
        waitFor(ExpectedConditions.elementToBeClickable(By.id("timer-resume"))).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("timer-state"), "Running"));
        waitFor(ExpectedConditions.elementToBeClickable(By.id("timer-stop"))).click();
        status("#timer-status", "(0.1 h) recorded.");
        waitFor(ExpectedConditions.textToBe(By.id("timer-state"), "No timer is running."));

        // time logged by hand, dated the firm's today
        new Select(driver.findElement(By.id("log-case"))).selectByValue(caseId);
        script("arguments[0].value = arguments[1]", driver.findElement(By.id("log-date")),
                LocalDate.now(ZoneId.of("America/New_York")).toString());
        driver.findElement(By.id("log-minutes")).sendKeys("95");
        driver.findElement(By.id("log-description")).sendKeys("Reviewed the charter party");
        driver.findElement(By.cssSelector("#log-form button[type=submit]")).click();
        status("#log-form .form-status", "Logged 95 minutes (1.6 h billed).");
        driver.findElement(By.id("period-week")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("my-entries-list"),
                "Reviewed the charter party"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("my-time-summary"),
                "1.7 h in 2 entries: 1.7 h billable, $408.00 at the current rates."));
        screenshot("time");

        // the invoice: a draft from the unbilled time, issued, downloaded as PDF, paid
        driver.findElement(By.linkText("Invoices")).click();
        heading("Invoices");
        new Select(driver.findElement(By.id("invoice-case"))).selectByValue(caseId);
        status("#invoice-list", "This case has no invoices yet.");
        driver.findElement(By.cssSelector("#invoice-form button[type=submit]")).click();
        status("#create-status", "Draft INV-");
        WebElement invoice = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#invoice-list li.invoice[data-status=draft]")));
        String invoiceId = invoice.getAttribute("data-invoice-id");
        waitFor(ExpectedConditions.textToBePresentInElement(invoice, "Reviewed the charter party"));
        JsonNode json = get(partner, "/api/v1/invoices/" + invoiceId);
        assertThat(json.get("total").decimalValue()).isEqualByComparingTo("408.00");
        assertThat(invoice.getText()).contains("Reviewed the charter party", "1.6 h", "$240.00", "$384.00",
                "Total due", "$408.00");
        screenshot("draft");
        invoice.findElement(By.xpath(".//button[text()='Issue']")).click();
        status("#invoices-status", "Invoice " + json.get("number").asText() + " issued.");
        invoice = driver.findElement(By.cssSelector("#invoice-list li.invoice[data-status=issued]"));
        invoice.findElement(By.cssSelector("button[data-format=pdf]")).click();
        Path pdf = downloads.resolve(json.get("number").asText() + ".pdf");
        waitFor(d -> Files.isRegularFile(pdf) && pdfTotal(pdf) != null);
        assertThat(pdfTotal(pdf)).isEqualByComparingTo(json.get("total").decimalValue());
        invoice.findElement(By.cssSelector("button[data-format=docx]")).click();
        waitFor(d -> Files.isRegularFile(downloads.resolve(json.get("number").asText() + ".docx")));
        screenshot("issued");
        invoice.findElement(By.xpath(".//button[text()='Mark paid']")).click();
        status("#invoices-status", "marked paid.");
        assertThat(get(partner, "/api/v1/invoices/" + invoiceId).get("status").asText()).isEqualTo("paid");

        // the same screen on a phone: one column, nothing cut off
        phoneSize();
        driver.navigate().refresh();
        heading("Invoices");
        new Select(driver.findElement(By.id("invoice-case"))).selectByValue(caseId);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#invoice-list li.invoice[data-status=paid]")));
        Long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        screenshot("phone");
    }

    /** The "Total due" of a downloaded PDF; null while the file is still being written. */
    private static BigDecimal pdfTotal(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            Matcher m = TOTAL_DUE.matcher(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "));
            return m.find() ? new BigDecimal(m.group(1).replace(",", "")) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
