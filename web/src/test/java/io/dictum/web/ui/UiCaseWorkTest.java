package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Work on a case that no other test touches: Patel Purchase of 14 Elm Street. */
class UiCaseWorkTest extends UiTestSupport {

    private static final String PATEL = "2026-RE-0001";

    @Test
    void aDocumentIsUploadedAndFoundWithTheCommandBox() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("survey-", ".txt");
        Files.writeString(file, "Boundary survey of 14 Elm Street, reference " + marker + ". The fence encroaches.");
        browser();
        signIn("ahale");
        driver.get(url("#/cases/" + caseId(PATEL)));
        heading("Patel Purchase of 14 Elm Street");
        assertThat(driver.findElement(By.id("command-context")).getText())
                .contains("Commands apply to Patel Purchase of 14 Elm Street");

        driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload-name")).sendKeys("Boundary survey");
        driver.findElement(By.id("upload-kind")).sendKeys("survey");
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#upload-form .form-status"),
                "Uploaded Boundary survey, version 1."));
        WebElement documents = driver.findElement(By.id("documents"));
        assertThat(documents.getText()).contains("Boundary survey").contains("Survey · version 1");

        // every version, each with its download button
        documents.findElement(By.xpath(".//li[contains(., 'Boundary survey')]//summary")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "Version 1: " + file.getFileName()));
        screenshot("uploaded");

        command("find the boundary survey");
        WebElement answer = answer("Found Boundary survey");
        WebElement found = answer.findElement(By.xpath(".//ul[@aria-label='Documents found']/li[contains(., 'Boundary survey')]"));
        assertThat(found.findElement(By.tagName("button")).getAttribute("aria-label")).isEqualTo("Download Boundary survey");
        screenshot("found");

        // the download carries the sign-in token and saves the file as uploaded
        found.findElement(By.tagName("button")).click();
        Path saved = downloads.resolve(file.getFileName());
        waitFor(d -> Files.isRegularFile(saved));
        waitFor(d -> {
            try {
                return Files.readString(saved).contains(marker);
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void anEventIsDocketedAndItsDeadlineShowsOnTheCasePage() {
        browser();
        signIn("bking");
        driver.get(url("#/cases/" + caseId(PATEL)));
        heading("Patel Purchase of 14 Elm Street");

        new Select(driver.findElement(By.id("docket-trigger"))).selectByValue("complaint_served");
        WebElement date = driver.findElement(By.id("docket-date"));
        script("arguments[0].value = '2027-03-01'", date);
        new Select(driver.findElement(By.id("docket-service"))).selectByValue("personal");
        driver.findElement(By.cssSelector("#docket-form button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#docket-form .form-status"),
                "Answer to the complaint: due 2027-03-22"));
        WebElement deadline = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#deadlines li.deadline[data-rule=answer] time[datetime='2027-03-22']")));
        assertThat(deadline.findElement(By.xpath("ancestor::li")).getText())
                .contains("Answer to the complaint").contains("FRCP 12(a)(1)(A)(i)");
        screenshot("docketed");

        // the same page on a phone: one column, nothing cut off
        phoneSize();
        driver.navigate().refresh();
        heading("Patel Purchase of 14 Elm Street");
        Long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        screenshot("phone");
    }

    @Test
    void anAppointmentIsScheduledAndShowsBesideTheDeadlines() {
        browser();
        signIn("bking");
        driver.get(url("#/cases/" + caseId(PATEL)));
        heading("Patel Purchase of 14 Elm Street");

        driver.findElement(By.id("appointment-title")).sendKeys("Closing");
        script("arguments[0].value = '2027-04-15'", driver.findElement(By.id("appointment-date")));
        script("arguments[0].value = '14:30'", driver.findElement(By.id("appointment-time")));
        driver.findElement(By.id("appointment-location")).sendKeys("Title company, 2 Main St.");
        driver.findElement(By.cssSelector("#appointment-form button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#appointment-form .form-status"),
                "Scheduled Closing on 2027-04-15 at 14:30."));
        WebElement appointment = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#appointments li.appointment time[datetime='2027-04-15']")));
        assertThat(appointment.findElement(By.xpath("ancestor::li")).getText())
                .contains("14:30").contains("Closing").contains("Title company, 2 Main St.");
    }
}
