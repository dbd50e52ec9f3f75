package io.dictum.web.ui;

import io.dictum.web.WebTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests of the UI: the running application (the demo firm, the real speech model) driven through headless
 * Chromium and the system's chromedriver — both named explicitly, so nothing is ever downloaded. When either is
 * missing the tests are skipped with a loud banner; {@code .ci/run} installs them, so in CI they run.
 * Screenshots go to {@code target/ui-screenshots/}.
 */
abstract class UiTestSupport extends WebTestSupport {

    static final Path CHROMIUM = Path.of(System.getProperty("dictum.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dictum.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    static final Path DOWNLOADS = Path.of("target", "ui-downloads");
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    private final List<WebDriver> drivers = new ArrayList<>();
    private String testName = "test";
    WebDriver driver;
    /** Where this test's browser saves downloads. */
    Path downloads;

    @BeforeAll
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("""
                    ******************************************************************************
                    * Browser UI tests SKIPPED: %s or %s is missing.
                    * Install them: apt-get install chromium chromium-driver (.ci/run does), or
                    * point -Ddictum.test.chromium and -Ddictum.test.chromedriver at them.
                    ******************************************************************************"""
                    .formatted(CHROMIUM, CHROMEDRIVER));
        }
        Assumptions.assumeTrue(present, "the browser UI tests need chromium and chromedriver");
    }

    @BeforeEach
    void name(TestInfo info) {
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test");
        downloads = DOWNLOADS.resolve(testName).toAbsolutePath();
    }

    @AfterEach
    void closeBrowsers() {
        for (WebDriver d : drivers) {
            try {
                screenshot(d, "final");
            } finally {
                d.quit();
            }
        }
        drivers.clear();
    }

    /** A fresh headless Chromium (empty session storage) with a fake microphone, plus any extra switches. */
    WebDriver browser(String... extraArguments) {
        return browserIn(null, extraArguments);
    }

    /** Like {@link #browser}, with the browser's clock in the given time zone (TZ; null: the machine's). */
    WebDriver browserIn(String timeZone, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--window-size=1280,1000", "--lang=en-US");
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(timeZone == null ? Map.of() : Map.of("TZ", timeZone))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        drivers.add(chrome);
        driver = chrome;
        return chrome;
    }

    String url(String hash) {
        return "http://localhost:" + port + "/" + hash;
    }

    /** Signs in through the form and waits for the first page. */
    void signIn(String username) {
        driver.get(url(""));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in-form")));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("command-input")));
    }

    <T> T waitFor(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Waits until the page's main heading reads the text, and returns it. */
    WebElement heading(String text) {
        waitFor(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
        return driver.findElement(By.cssSelector("main h1"));
    }

    /** Waits until the assistant's answer region contains the text. */
    WebElement answer(String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), text));
        return driver.findElement(By.id("answer"));
    }

    void command(String text) {
        WebElement input = driver.findElement(By.id("command-input"));
        input.clear();
        input.sendKeys(text);
        driver.findElement(By.id("command-send")).click();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void phoneSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    Path screenshot(String label) {
        return screenshot(driver, label);
    }

    private Path screenshot(WebDriver d, String label) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(testName + "-" + label + ".png");
            byte[] png = ((ChromeDriver) d).getScreenshotAs(OutputType.BYTES);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute path of a test resource, for file inputs and the fake microphone. */
    static Path resource(String name) {
        try {
            return Path.of(UiTestSupport.class.getResource("/" + name).toURI()).toAbsolutePath();
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
