package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class UiPortalTest extends UiTestSupport {

    @Test
    void aClientSeesOnlyTheirOwnCase() {
        browser();
        signIn("smiller");
        heading("Your cases");
        List<WebElement> cases = driver.findElements(By.cssSelector("main .portal-cases a.case-link"));
        assertThat(cases).extracting(WebElement::getText).containsExactly("Miller v. Acme Trucking");
        assertThat(driver.findElement(By.id("nav")).getText()).doesNotContain("Find a document");
        screenshot("home");

        cases.get(0).click();
        heading("Miller v. Acme Trucking");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "Police Report - I-95 Collision"));
        assertThat(driver.findElements(By.cssSelector("#upload-form, #docket-form, #parties"))).isEmpty();
        screenshot("case");

        // another client's case is not there, whatever the address says
        driver.get(url("#/cases/" + caseId("2025-PI-0019")));
        heading("Not found");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Johnson v. Acme Insurance");
    }
}
