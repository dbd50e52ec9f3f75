package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class UiSignInTest extends UiTestSupport {

    @Test
    void aPartnerSignsInSeesTheDashboardAndSignsOut() {
        browser();
        driver.get(url(""));
        heading("Sign in to Dictum");
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        screenshot("sign-in");

        signIn("ahale");
        heading("Dashboard");
        // the ten newest cases the partner may see (which ones depends on what other tests of this run created)
        List<WebElement> recent = waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#recent .case-link"), 0));
        assertThat(recent).hasSizeLessThanOrEqualTo(10);
        assertThat(driver.findElement(By.id("who")).getText()).contains("Alexandra Hale");
        assertThat(driver.findElement(By.id("week-title")).getText()).isEqualTo("Due in the next seven days");
        // the demo firm is at work from the first start: a deadline due within the week and the partner's open tasks
        assertThat(driver.findElement(By.id("week")).getText()).contains("2025-PI-0012")
                .doesNotContain("Nothing is due in the next seven days.");
        assertThat(driver.findElement(By.id("my-task-list")).getText())
                .contains("Call Sarah Miller before the motion hearing");
        assertThat((String) script("return sessionStorage.getItem('dictum.session')")).contains("\"token\"");
        screenshot("dashboard");

        driver.findElement(By.id("sign-out")).click();
        heading("Sign in to Dictum");
        assertThat(driver.findElement(By.cssSelector("#sign-in-form")).getText()).contains("You have signed out.");
        assertThat(script("return sessionStorage.getItem('dictum.session')")).isNull();
        assertThat(driver.findElement(By.id("assistant")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheProblemsDetail() {
        browser();
        driver.get(url(""));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("ahale");
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.id("sign-in")).click();
        WebElement alert = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sign-in-form [role=alert]")));
        assertThat(alert.getText()).contains("Wrong username or password");
        assertThat(script("return sessionStorage.getItem('dictum.session')")).isNull();
    }

    @Test
    void thePageHasLandmarksLabelsAndAKeyboardPath() {
        browser();
        signIn("bking");
        heading("Dashboard");
        assertThat(driver.findElements(By.cssSelector("header, nav[aria-label=Main], main#main, section#assistant")))
                .hasSize(4);
        // the assistant's answers are announced
        assertThat(driver.findElement(By.id("answer")).getAttribute("aria-live")).isEqualTo("polite");
        // every form control has a label
        List<WebElement> unlabelled = driver.findElements(By.cssSelector("input, select")).stream()
                .filter(WebElement::isDisplayed)
                .filter(i -> driver.findElements(By.cssSelector("label[for='" + i.getAttribute("id") + "']")).isEmpty())
                .toList();
        assertThat(unlabelled).isEmpty();
        // after signing in the page's heading has the focus, so a screen reader starts there
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Dashboard");
        // on a fresh load the first Tab reaches the skip link, which moves focus to the main content
        driver.navigate().refresh();
        heading("Dashboard");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }
}
