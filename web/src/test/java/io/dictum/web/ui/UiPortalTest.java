package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
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
        // the police report of her case is the firm's until it is shared with her
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"),
                "The firm has not shared any documents with you yet."));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Police Report");
        assertThat(driver.findElements(By.cssSelector("#upload-form, #docket-form, #parties, .share-toggle")))
                .isEmpty();
        screenshot("case");

        // another client's case is not there, whatever the address says
        driver.get(url("#/cases/" + caseId("2025-PI-0019")));
        heading("Not found");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Johnson v. Acme Insurance");
    }

    @Test
    void aClientSeesOnlyTheSharedDocumentAndMessagesTheFirm() throws Exception {
        ClientCase cc = clientCase("Portal UI");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String partner = login("ahale");
        // a file name of this run only: the browser would save a second download under another name
        String filename = "settlement-offer-" + marker + ".txt";
        uploadText(partner, cc.caseId(), filename, "Settlement offer", "The offer, reference " + marker + ".");
        uploadText(partner, cc.caseId(), "strategy.txt", "Strategy memo", "Our floor.");

        // the firm shares one document and adds a milestone the client may see, with the keyboard
        WebDriver firm = browser();
        signIn("ahale");
        driver.get(url("#/cases/" + cc.caseId()));
        heading(cc.title());
        WebElement offer = driver.findElement(By.xpath("//section[@id='documents']//li[contains(., 'Settlement offer')]"));
        WebElement share = offer.findElement(By.cssSelector("input.share-toggle"));
        assertThat(driver.findElement(By.cssSelector("label[for='" + share.getAttribute("id") + "']")).getText())
                .contains("Shared with the client");
        share.sendKeys(Keys.SPACE);
        waitFor(ExpectedConditions.textToBePresentInElement(offer, "shared by Alexandra Hale"));
        driver.findElement(By.id("milestone-title")).sendKeys("Mediation");
        script("arguments[0].value = '2027-04-12'", driver.findElement(By.id("milestone-date")));
        driver.findElement(By.id("milestone-visible")).sendKeys(Keys.SPACE);
        driver.findElement(By.cssSelector("#milestone-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#milestone-form .form-status"),
                "Added Mediation, visible to the client."));
        screenshot("firm-shared");

        // the client sees that document only, downloads it, and writes to the firm
        WebDriver client = browser();
        signIn(cc.clientUsername());
        heading("Your cases");
        assertThat(driver.findElement(By.cssSelector("main .portal-cases")).getText()).contains("Next: Mediation");
        driver.findElement(By.cssSelector("main .portal-cases a.case-link")).click();
        heading(cc.title());
        WebElement documents = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("documents")));
        assertThat(documents.findElements(By.cssSelector("li.document"))).extracting(WebElement::getText)
                .singleElement().asString().contains("Settlement offer");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Strategy memo")
                .contains("Mediation");
        documents.findElement(By.cssSelector("button[aria-label='Download Settlement offer']")).click();
        Path saved = downloads.resolve(filename);
        waitFor(d -> Files.isRegularFile(saved) && read(saved).contains(marker));

        WebElement box = driver.findElement(By.id("portal-message-text"));
        assertThat(driver.findElement(By.cssSelector("label[for=portal-message-text]")).getText())
                .isEqualTo("Your message to the firm");
        box.sendKeys("Should I accept the offer?");
        driver.findElement(By.cssSelector("#portal-message-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#portal-message-form .form-status"),
                "Message sent."));
        assertThat(driver.findElement(By.cssSelector("#messages .conversation")).getText())
                .contains("Should I accept the offer?");
        screenshot("client-sent");

        // the firm reads it in the case's Messages tab, reached with the arrow key
        driver = firm;
        driver.navigate().refresh();
        heading(cc.title());
        WebElement milestonesTab = driver.findElement(By.id("tab-milestones"));
        milestonesTab.sendKeys(Keys.ARROW_RIGHT);
        WebElement messagesTab = driver.findElement(By.id("tab-messages"));
        assertThat(messagesTab.getAttribute("aria-selected")).isEqualTo("true");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("tabpanel-messages"),
                "Should I accept the offer?"));
        assertThat(driver.findElement(By.id("tabpanel-milestones")).isDisplayed()).isFalse();
        screenshot("firm-reads");

        JsonNode conversation = get(partner, "/api/v1/cases/" + cc.caseId() + "/messages");
        assertThat(conversation.findValuesAsText("from")).containsExactly("client");
        assertThat(conversation.get(0).has("readByFirmAt")).isTrue();
        driver = client;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
