package org.hotline.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Where Debian's chromium and chromedriver live, and the flags that make them run headless on a machine without a
 * network beyond loopback. Browser tests fail with a clear message when they are missing: {@code .ci/run} installs
 * them ({@code apt-get install chromium chromium-driver}).
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("hotline.chromedriver", "/usr/bin/chromedriver"));

    public static final String[] ARGUMENTS = {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1600"};

    private HeadlessChromium() {
    }

    /** A headless browser driven through Debian's chromedriver; quit it after the test. */
    public static WebDriver open() {
        requireInstalled();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments(ARGUMENTS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * The text of the element at {@code locator} once it reads {@code expected}, or the last text seen there when
     * {@code patience} runs out (so that an assertion shows what the page said). A form post replaces the page: until
     * the new one is in, the old page's element of the same id may still be found, and may go stale while read.
     */
    public static String awaitText(WebDriver browser, By locator, String expected, Duration patience) {
        return awaitText(browser, locator, expected::equals, patience);
    }

    /** As {@link #awaitText(WebDriver, By, String, Duration)}, for a text that {@code wanted} accepts. */
    public static String awaitText(WebDriver browser, By locator, Predicate<String> wanted, Duration patience) {
        String[] last = new String[1];
        String found = poll(patience, () -> {
            try {
                for (WebElement element : browser.findElements(locator)) {
                    last[0] = element.getText();
                    if (wanted.test(last[0])) {
                        return last[0];
                    }
                }
            } catch (StaleElementReferenceException replaced) {
                // The page is being replaced: look again.
            }
            return null;
        });
        return found != null ? found : last[0];
    }

    /**
     * The element, once the page that has it is there: a click or submit returns before its navigation ends, and a
     * page may fill itself in later. After {@code patience} the driver's own error says what was not found.
     */
    public static WebElement awaitElement(WebDriver browser, By locator, Duration patience) {
        WebElement found = poll(patience, () -> {
            List<WebElement> elements = browser.findElements(locator);
            return elements.isEmpty() ? null : elements.get(0);
        });
        return found != null ? found : browser.findElement(locator);
    }

    /** {@code attempt}'s first non-null answer, asked every 100 ms; null once {@code patience} has run out. */
    private static <T> T poll(Duration patience, Supplier<T> attempt) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            T answer = attempt.get();
            if (answer != null) {
                return answer;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Fails the test with install instructions when the browser or its driver is absent. */
    public static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (as .ci/run does)");
        }
    }
}
