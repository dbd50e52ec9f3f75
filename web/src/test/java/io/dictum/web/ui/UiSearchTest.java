package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class UiSearchTest extends UiTestSupport {

    @Test
    void aPhraseIsFoundWithTheMatchedWordsMarkedAndTheSearchIsInTheAddress() {
        browser();
        signIn("ahale");
        driver.findElement(By.linkText("Search")).click();
        heading("Search");

        driver.findElement(By.id("search-text")).sendKeys("\"tractor-trailer\"");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search-count"), "for \"tractor-trailer\""));

        WebElement hit = driver.findElement(By.xpath(
                "//li[contains(@class,'search-hit')][.//a[text()='Police Report - I-95 Collision']]"));
        List<String> marked = hit.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertThat(marked).isNotEmpty().allSatisfy(m -> assertThat(m.toLowerCase()).contains("tractor"));
        // the snippet is text with <mark> elements, never markup taken from the server
        assertThat(hit.findElements(By.cssSelector(".snippet *:not(mark)"))).isEmpty();
        assertThat(driver.getCurrentUrl()).contains("#/search?q=");
        screenshot("found");

        // the address holds the search: loading it again shows the same results
        driver.navigate().refresh();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"),
                "Police Report - I-95 Collision"));
        assertThat(driver.findElement(By.id("search-text")).getAttribute("value")).isEqualTo("\"tractor-trailer\"");

        hit = driver.findElement(By.linkText("Police Report - I-95 Collision"));
        hit.click();
        heading("Miller v. Acme Trucking");
    }

    @Test
    void aScreenedUserFindsNothingOfTheScreenedCase() {
        browser();
        signIn("tom");
        driver.get(url("#/search?q=" + "Garza"));
        heading("Search");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search-count")));
        assertThat(driver.findElement(By.id("search-results")).getText()).doesNotContain("2024-E-0009");
    }
}
