package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

class UiFindTest extends UiTestSupport {

    @Test
    void aDocumentIsFoundInOneCaseFromTheFindPage() {
        browser();
        signIn("sarah");
        heading("Dashboard");
        driver.findElement(By.linkText("Find a document")).click();
        heading("Find a document");
        assertThat(driver.findElement(By.linkText("Find a document")).getAttribute("aria-current")).isEqualTo("page");

        driver.findElement(By.id("find-text")).sendKeys("police report");
        new Select(driver.findElement(By.id("find-case"))).selectByVisibleText("Miller v. Acme Trucking (2025-PI-0012)");
        driver.findElement(By.cssSelector("#find-form button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("find-results"),
                "Found Police Report - I-95 Collision in Miller v. Acme Trucking."));
        WebElement hit = driver.findElement(By.linkText("Police Report - I-95 Collision"));
        assertThat(driver.findElement(By.id("find-results")).getText()).doesNotContain("Route 50");
        screenshot("found");
        hit.click();
        heading("Miller v. Acme Trucking");
    }
}
