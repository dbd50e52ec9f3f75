package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dashboard and the case page as the firm works in them all day, each test on a case of its own. */
class UiWorkspaceTest extends UiTestSupport {

    private String newCase(String title) {
        return postJson(login("ahale"), "/api/v1/cases", Map.of("title", title, "matterType", "personal_injury",
                "clientName", "Client of " + title)).get("id").asText();
    }

    private String userId(String username) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError(username);
    }

    private int unreadBadge() {
        WebElement badge = driver.findElement(By.id("unread-badge"));
        String text = badge.getAttribute("textContent").trim();
        return badge.getAttribute("hidden") != null || text.isEmpty() ? 0 : Integer.parseInt(text.split(" ")[0]);
    }

    @Test
    void aNotificationArrivesLiveOnTheDashboardAndIsMarkedRead() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String caseId = newCase("Live Notice v. Dashboard " + marker);
        String ahale = login("ahale");
        patchJson(ahale, "/api/v1/cases/" + caseId, Map.of("responsibleUserId", userId("bking")));
        String eventId = postJson(ahale, "/api/v1/cases/" + caseId + "/events", Map.of("trigger", "motion_served",
                "date", "2030-03-04", "ruleSet", "FRCP-NY")).at("/event/id").asText();

        browser();
        signIn("bking");
        heading("Dashboard");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notification-list")));
        // the list on screen is the server's unread list
        waitFor(d -> unreadBadge() == get(login("bking"), "/api/v1/notifications?unread=true").size());
        int before = unreadBadge();
        // the stream is open before anything is sent, so what follows arrives on it, not with a page load
        waitFor(ExpectedConditions.attributeToBe(By.id("notification-stream"), "data-state", "live"));
        assertThat(driver.findElement(By.id("notification-stream")).getText())
                .isEqualTo("New ones appear here as they arrive.");
        script("window.dictumStayed = true"); // gone if the page reloaded

        // ahale re-dates the trigger: bking, the responsible attorney, is told while the dashboard is open
        patchJson(ahale, "/api/v1/cases/" + caseId + "/events/" + eventId, Map.of("date", "2030-03-11",
                "reason", "service corrected " + marker));
        By mine = By.cssSelector("#notification-list li.notification[data-kind='deadline.moved'] a[href='#/cases/"
                + caseId + "']");
        WebElement link = waitFor(ExpectedConditions.visibilityOfElementLocated(mine));
        WebElement item = link.findElement(By.xpath("ancestor::li"));
        assertThat(item.getText()).contains("deadlines moved").contains("Live Notice v. Dashboard " + marker);
        assertThat(script("return window.dictumStayed === true")).isEqualTo(true);
        waitFor(d -> unreadBadge() == before + 1);
        WebElement announcer = driver.findElement(By.id("notification-announcer"));
        assertThat(announcer.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(announcer.getAttribute("textContent")).startsWith("New notification: ")
                .contains("deadlines moved");
        screenshot("arrived");

        // the count is in the header on every page
        driver.findElement(By.linkText("Time")).click();
        heading("Time");
        assertThat(unreadBadge()).isEqualTo(before + 1);
        driver.findElement(By.id("unread-badge")).click();
        heading("Dashboard");

        String id = driver.findElement(mine).findElement(By.xpath("ancestor::li")).getAttribute("data-notification-id");
        WebElement markRead = driver.findElement(By.cssSelector("li[data-notification-id='" + id + "'] button.mark-read"));
        assertThat(markRead.getAttribute("aria-label")).startsWith("Mark read: ").contains("deadlines moved");
        markRead.click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("li[data-notification-id='" + id + "']")));
        waitFor(d -> unreadBadge() == before);
        assertThat(get(login("bking"), "/api/v1/notifications?unread=true").findValuesAsText("id")).doesNotContain(id);
        assertThat(get(login("bking"), "/api/v1/notifications").findValuesAsText("id")).contains(id);
    }

    @Test
    void aTaskNoteAndTimeAreAddedOnTheCasePageAndTheTaskIsDoneFromTheDashboard() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Casework v. Daily " + marker;
        String caseId = newCase(title);
        browser();
        signIn("bking");
        driver.get(url("#/cases/" + caseId));
        heading(title);

        String task = "Call the adjuster " + marker;
        driver.findElement(By.id("task-description")).sendKeys(task);
        script("arguments[0].value = '2030-01-15'", driver.findElement(By.id("task-due")));
        driver.findElement(By.cssSelector("#task-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#task-form .form-status"),
                "Added: " + task));
        assertThat(driver.findElement(By.id("case-task-list")).getText()).contains(task);

        String note = "Adjuster prefers calls before noon " + marker;
        driver.findElement(By.id("note-text")).sendKeys(note);
        driver.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("note-list"), note));
        assertThat(driver.findElement(By.id("note-list")).getText()).contains("bking");

        driver.findElement(By.id("case-log-minutes")).sendKeys("25");
        driver.findElement(By.id("case-log-description")).sendKeys("Reviewed the police report " + marker);
        driver.findElement(By.cssSelector("#case-log-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-time-list"),
                "Reviewed the police report " + marker));
        assertThat(driver.findElement(By.id("case-time-list")).getText()).contains("25 min · 0.5 h")
                .contains("0.5 h in 1 entry.");
        screenshot("case-work");

        // the same, as the API keeps it
        JsonNode notes = get(login("bking"), "/api/v1/cases/" + caseId + "/notes");
        assertThat(notes.findValuesAsText("text")).containsExactly(note);
        JsonNode entries = get(login("bking"), "/api/v1/time-entries?caseId=" + caseId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("minutes").asInt()).isEqualTo(25);

        // the task is on the dashboard and is done from there
        driver.findElement(By.linkText("Dashboard")).click();
        heading("Dashboard");
        WebElement done = waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#my-task-list button[aria-label='Mark done: " + task + "']")));
        assertThat(done.findElement(By.xpath("ancestor::li")).getText()).contains(title);
        done.click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-tasks .form-status"),
                "Done: " + task));
        assertThat(driver.findElement(By.id("my-task-list")).getText()).doesNotContain(task);
        JsonNode tasks = get(login("bking"), "/api/v1/tasks?caseId=" + caseId);
        assertThat(tasks.findValuesAsText("status")).containsExactly("done");
        screenshot("task-done");

        driver.navigate().back();
        heading(title);
        assertThat(driver.findElement(By.cssSelector("#case-task-list .closed-tasks")).getAttribute("textContent"))
                .contains(task).contains("done");
    }

    @Test
    void documentVersionsArePreviewedOnThePage() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Preview v. Inline " + marker;
        String caseId = newCase(title);
        String ahale = login("ahale");
        uploadText(ahale, caseId, "witness.txt", "Witness statement", "The witness saw the truck at 9:40. " + marker);
        String template = null;
        for (JsonNode t : get(ahale, "/api/v1/templates")) {
            if (t.get("name").asText().toLowerCase().contains("demand")) {
                template = t.get("id").asText();
            }
        }
        assertThat(template).as("the demo demand letter template").isNotNull();
        postJson(ahale, "/api/v1/documents/generate", Map.of("templateId", template, "caseId", caseId,
                "onMissing", "mark", "name", "Demand letter " + marker));

        browser();
        signIn("ahale");
        driver.get(url("#/cases/" + caseId));
        heading(title);

        driver.findElement(By.cssSelector("button[aria-label='Preview Witness statement, version 1']")).click();
        WebElement text = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-body pre")));
        assertThat(text.getText()).isEqualTo("The witness saw the truck at 9:40. " + marker);
        assertThat(driver.findElement(By.id("preview-title")).getText()).isEqualTo("Witness statement, version 1");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("preview-title");

        // a Word document is shown as the PDF the server renders, framed from a blob: URL the policy allows
        driver.findElement(By.cssSelector("button[aria-label='Preview Demand letter " + marker + ", version 1']")).click();
        WebElement frame = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-body iframe")));
        assertThat(frame.getAttribute("src")).startsWith("blob:");
        assertThat(frame.getAttribute("title")).isEqualTo("Demand letter " + marker + ", version 1 (PDF)");
        // the frame holds the PDF itself: a blocked frame would hold an error page, which the page could not read
        waitFor(d -> "application/pdf".equals(script(
                "const f = document.querySelector('#preview-body iframe'); return f.contentDocument?.contentType;")));
        screenshot("pdf");

        driver.findElement(By.id("preview-close")).click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("document-preview")));
        assertThat(driver.switchTo().activeElement().getAttribute("aria-label"))
                .isEqualTo("Preview Demand letter " + marker + ", version 1");
    }

    /** Tab presses from the top of the page until the predicate holds; returns what had focus on the way. */
    private List<String> tabUntil(String jsCondition, int limit) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            seen.add(String.valueOf(script("""
                    const a = document.activeElement;
                    return a.id || a.getAttribute('aria-label') || a.textContent.trim().slice(0, 40);""")));
            if (Boolean.TRUE.equals(script("const a = document.activeElement; return " + jsCondition + ";"))) {
                return seen;
            }
        }
        throw new AssertionError("Tab never reached " + jsCondition + "; focus went " + seen);
    }

    private void focusTop() {
        script("document.activeElement?.blur(); window.scrollTo(0, 0);");
        // start before the first element, as after a page load
        script("document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex');");
    }

    /** One h1, no heading level skipped, every control named. */
    private void assertStructure() {
        Object problems = script("""
                const out = [];
                const hs = [...document.querySelectorAll('main h1, main h2, main h3, main h4')];
                if (hs.filter(h => h.tagName === 'H1').length !== 1) out.push('not exactly one h1');
                let last = 1;
                for (const h of hs) {
                  const level = Number(h.tagName[1]);
                  if (level > last + 1) out.push('skipped to ' + h.tagName + ' ' + h.textContent);
                  last = level;
                }
                for (const c of document.querySelectorAll('main input, main select, main textarea, main button, main a, main iframe')) {
                  if (c.closest('[hidden]')) continue;
                  const labelled = (c.id && document.querySelector(`label[for="${c.id}"]`)) || c.closest('label')
                      || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || c.getAttribute('title')
                      || (c.matches('button, a') && c.textContent.trim());
                  if (!labelled) out.push('unnamed ' + c.outerHTML.slice(0, 80));
                }
                return out;""");
        assertThat((List<?>) problems).isEmpty();
    }

    private void assertNoHorizontalOverflow() {
        Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0L);
    }

    @Test
    void theDashboardAndCasePageWorkByKeyboardAndFitAPhone() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Keys v. Phone " + marker;
        String caseId = newCase(title);
        String bking = login("bking");
        String task = "Serve the subpoena " + marker;
        postJson(bking, "/api/v1/tasks", Map.of("description", task, "caseId", caseId, "dueOn", "2030-02-01"));
        uploadText(bking, caseId, "memo.txt", "Intake memo " + marker, "Client called about the crash. " + marker);

        browser();
        signIn("bking");
        heading("Dashboard");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-task-list button.task-done")));
        assertStructure();
        focusTop();
        List<String> order = tabUntil("a.getAttribute('aria-label') === 'Mark done: " + task + "'", 300);
        assertThat(order.get(0)).isEqualTo("skip-link");
        assertThat(order).contains("command-input");
        assertThat(order.indexOf("command-input")).isLessThan(order.size() - 1);
        // Space activates the focused button
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.SPACE).perform();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-tasks .form-status"),
                "Done: " + task));
        assertThat(get(bking, "/api/v1/tasks?caseId=" + caseId).findValuesAsText("status")).containsExactly("done");
        // the timer and the link to the time page come later in the order, in the second column
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("My open tasks");
        List<String> rest = tabUntil("a.id === 'time-link'", 300);
        assertThat(rest).containsAnyOf("timer-start", "timer-pause", "timer-resume");

        driver.get(url("#/cases/" + caseId));
        heading(title);
        assertStructure();
        focusTop();
        tabUntil("a.id === 'task-description'", 300);
        String next = "File the witness list " + marker;
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(next, org.openqa.selenium.Keys.ENTER).perform();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-task-list"), next));
        // on to the documents: Enter on Preview opens the text
        focusTop();
        tabUntil("a.getAttribute('aria-label') === 'Preview Intake memo " + marker + ", version 1'", 300);
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-body"), "Client called about the crash."));
        List<String> later = tabUntil("a.id === 'note-text'", 60);
        assertThat(later).contains("preview-close");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("Spoke to the client " + marker).perform();
        tabUntil("a.closest('#note-form') && a.type === 'submit'", 5);
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("note-list"), "Spoke to the client " + marker));
        tabUntil("a.id === 'case-log-minutes'", 80);
        screenshot("keyboard");

        // a phone: one column, nothing wider than the screen
        phoneSize();
        driver.navigate().refresh();
        heading(title);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("case-log-form")));
        assertNoHorizontalOverflow();
        driver.findElement(By.cssSelector("button[aria-label='Preview Intake memo " + marker + ", version 1']")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-body pre")));
        assertNoHorizontalOverflow();
        screenshot("phone-case");
        driver.get(url("#/"));
        heading("Dashboard");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("timer-state")));
        assertNoHorizontalOverflow();
        screenshot("phone-dashboard");
    }
}
