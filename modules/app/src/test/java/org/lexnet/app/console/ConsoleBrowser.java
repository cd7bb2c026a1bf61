package org.lexnet.app.console;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium (the Debian {@code chromium} and {@code chromium-driver} packages) driving the
 * console, with axe-core's accessibility rules at hand. Without the two programs the browser tests are
 * skipped with a message, unless {@code LEXNET_BROWSER_TESTS=required} (CI sets it), where they fail.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** axe-core's rule sets for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private ConsoleBrowser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Skips (or, where required, fails) when Chromium or its driver is not installed. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the browser tests need the Debian packages chromium and chromium-driver (" + CHROMIUM
                         + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if ("required".equals(System.getenv("LEXNET_BROWSER_TESTS"))) {
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);
    }

    static ConsoleBrowser start(int port) {
        try {
            // a fresh profile each time: no state from an earlier run, and nothing shared between the two browsers
            Path profile = Files.createTempDirectory("lexnet-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // the machine may have no outside network: without these Chromium waits on connections it tries to make
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            return new ConsoleBrowser(driver, profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Waits (bounded) until the condition holds; answers its value. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's main heading reads so (a page is rendered after its data has loaded). */
    void awaitHeading(String text) {
        await(d -> d.findElement(By.cssSelector("main h1")).getText().contains(text));
    }

    void type(By field, String text) {
        WebElement input = visible(field);
        input.clear();
        input.sendKeys(text);
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return visible(by).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Signs in through the sign-in page and waits for the member's home. */
    void signIn(String email, String password) {
        // whoever was signed in before is forgotten (the token lives in the tab's session storage)
        open("/");
        script("sessionStorage.clear()");
        driver.navigate().refresh();
        awaitHeading("Sign in");
        type(By.name("email"), email);
        type(By.name("password"), password);
        click(By.cssSelector("main button[type=submit]"));
        awaitHeading("Welcome");
    }

    /**
     * Presses Tab until the element has the focus, as someone using only a keyboard would; fails if it is
     * not reached within the given number of presses, or if the focus is not visible on it.
     */
    WebElement tabTo(By target, int most) {
        WebElement wanted = visible(target);
        for (int i = 0; i < most; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            if (focused.equals(wanted)) {
                assertThat(focused.getCssValue("outline-style")).as("the focus is visible on %s", target).isEqualTo("solid");
                return focused;
            }
        }
        throw new AssertionError(target + " is not reached with " + most + " presses of Tab");
    }

    void signOut() {
        click(By.xpath("//nav//button[normalize-space()='Sign out']"));
        awaitHeading("Sign in");
    }

    /**
     * Runs axe-core's WCAG 2.x A and AA rules on the page as it is now; fails on any serious or critical
     * violation, naming the rule and the elements.
     */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe-core could not check %s: %s", page, results.getErrorMessage()).isFalse();
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertThat(blocking).as("serious or critical accessibility violations on %s:%n%s", page, blocking.stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** Saves a screenshot of the whole page (up to 2,400 pixels tall) as PNG, from its top. */
    void screenshot(Path file) {
        shoot(file, "return Math.min(2400, document.documentElement.scrollHeight)");
    }

    /**
     * Saves a screenshot from the top of the page down to the end of the given element (up to 2,400 pixels
     * tall) as PNG: the window is made that tall and scrolled to the top, so the picture starts where a
     * reader starts.
     */
    void screenshotDownTo(By end, Path file) {
        visible(end);
        shoot(file, "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + " return Math.min(2400, Math.ceil(r.bottom + window.scrollY + 24))", cssOf(end));
    }

    /** Saves a screenshot of one element (a section of the page) as PNG; the window is made tall enough. */
    void screenshotOf(By by, Path file) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) script("return Math.min(4000, document.documentElement.scrollHeight)")).longValue();
        try {
            Files.createDirectories(file.getParent());
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 140));
            File png = visible(by).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(window);
            Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cssOf(By by) {
        String text = by.toString();
        if (!text.startsWith("By.cssSelector: ")) {
            throw new IllegalArgumentException("a CSS selector is needed here: " + text);
        }
        return text.substring("By.cssSelector: ".length());
    }

    private void shoot(Path file, String heightScript, Object... args) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) script(heightScript, args)).longValue();
        try {
            Files.createDirectories(file.getParent());
            // the window's outer size includes its frame: the viewport is about 140 pixels shorter
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 140));
            script("window.scrollTo(0, 0)");
            File png = driver.getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(window);
            Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address and text of the page now, for a failed test's report. */
    String describe() {
        try {
            return "--- " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "--- the page could not be read: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind does no harm
        }
    }
}
