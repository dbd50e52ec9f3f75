package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

class UiAdminTest extends UiTestSupport {

    @Test
    void anAdministratorAddsAUserWhoCanThenSignInAndVerifiesTheAuditTrail() {
        String username = "clerk" + UUID.randomUUID().toString().substring(0, 6);
        browser();
        signIn("admin");
        driver.findElement(By.linkText("Administration")).click();
        heading("Administration");
        assertThat(driver.findElement(By.id("user-table")).getText()).contains("ahale");

        driver.findElement(By.id("new-user-name")).sendKeys("Casey Clerk");
        driver.findElement(By.id("new-user-username")).sendKeys(username);
        new Select(driver.findElement(By.id("new-user-role"))).selectByValue("paralegal");
        driver.findElement(By.id("new-user-password")).sendKeys("a-long-first-password");
        driver.findElement(By.cssSelector("#new-user-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-status"), "Added Casey Clerk as paralegal."));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("user-table"), username));

        driver.findElement(By.id("audit-verify")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-result"), "The audit trail is intact"));
        screenshot("admin");

        browser();
        driver.get(url(""));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("a-long-first-password");
        driver.findElement(By.id("sign-in")).click();
        heading("Dashboard");
        // a paralegal has no administration page
        assertThat(driver.findElements(By.linkText("Administration"))).isEmpty();
    }

    @Test
    void aPartnerSeesTheAuditTrailButNotTheUsers() {
        browser();
        signIn("mortiz");
        driver.get(url("#/admin"));
        heading("Administration");
        assertThat(driver.findElements(By.id("user-table"))).isEmpty();
        driver.findElement(By.id("audit-latest")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audit-records li")));
    }
}
