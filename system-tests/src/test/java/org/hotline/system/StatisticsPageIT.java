package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.hotline.local.LocalStack;
import org.hotline.testsupport.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's statistics page in headless Chromium on the {@link SharedSystem}: calls logged through intake travel
 * as events to followup-service's statistics read model, and a supervisor signed in through Keycloak sees them as
 * charts with their data tables, the small count suppressed. The screenshot goes to {@code console/docs/}.
 */
@ExtendWith(SharedSystem.class)
class StatisticsPageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A state no other system test logs contacts in. */
    private static final String STATE = "WY";

    private static LocalStack stack;
    private static Path screenshots;

    @BeforeAll
    static void startTheSystem() throws IOException {
        HeadlessChromium.requireInstalled();
        Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
        screenshots = Files.createDirectories(root.resolve("console/docs"));
        stack = SharedSystem.stack();
    }

    @Test
    void aSupervisorSeesTheCallsChartedWithTheSmallCountSuppressed() {
        logCalls("GENERAL_INFO", 3);
        logCalls("CRISIS", 6);
        logCalls("REFERRAL_REQUEST", 11);

        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String page = "/statistics?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&granularity=day&state=" + STATE;
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "supervisor", page);
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                browser.get(stack.console().baseUrl() + page);
                return cell(browser, "Referral request", 1).equals("11");
            });
            // 3 general-information calls: withheld ("<5"), and the 6 crisis calls with them ("x"), so that the 3
            // cannot be worked out from the day's total; the chart adds up only what is shown.
            assertThat(cell(browser, "General info", 1)).isEqualTo("0");
            assertThat(cell(browser, "General info", 2)).isEqualTo("1");
            assertThat(cell(browser, "Crisis", 1)).isEqualTo("0");
            assertThat(cell(browser, "Crisis", 2)).isEqualTo("1");
            WebElement chart = browser.findElement(By.id("chart-contactsByCallType"));
            assertThat(chart.getTagName()).isEqualTo("svg");
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(browser.findElement(By.id("chart-contactsByChannel-data")).getText()).contains("Phone 20");
            assertThat(browser.findElement(By.id("filters")).getAttribute("method")).isEqualTo("get");
            assertThat(browser.getPageSource()).doesNotContain("<script");
            screenshot(browser, "statistics");
        } finally {
            browser.quit();
        }
    }

    private static void logCalls(String callType, int n) {
        for (int i = 0; i < n; i++) {
            given().baseUri(stack.url("intake-service")).auth().oauth2(SharedSystem.token("agent"))
                    .contentType("application/json").body("""
                            {"callType": "%s", "callerType": "COMMUNITY_MEMBER", "needs": ["INFORMATION"],
                             "location": {"state": "%s"}}""".formatted(callType, STATE))
                    .post("/api/v1/calls").then().statusCode(201);
        }
    }

    /** A cell of the call types' data table: column 1 = counts shown, 2 = periods withheld. */
    private static String cell(WebDriver browser, String value, int column) {
        WebElement table = browser.findElement(By.id("chart-contactsByCallType-data"));
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            if (row.findElement(By.tagName("th")).getText().equals(value)) {
                return row.findElements(By.tagName("td")).get(column - 1).getText();
            }
        }
        throw new AssertionError("no row " + value);
    }

    private static void signIn(WebDriver browser, String user, String path) {
        browser.get(stack.console().baseUrl() + path);
        HeadlessChromium.awaitElement(browser, By.id("username"), PATIENCE).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(stack.identitySecrets().password(user));
        browser.findElement(By.id("kc-login")).click();
        HeadlessChromium.awaitElement(browser, By.cssSelector("form.sign-out"), PATIENCE);
    }

    private static void screenshot(WebDriver browser, String name) {
        Dimension before = browser.manage().window().getSize();
        try {
            Number height = (Number) ((JavascriptExecutor) browser)
                    .executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(before.getWidth(), Math.min(4000,
                    Math.max(before.getHeight(), height.intValue() + 140))));
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
