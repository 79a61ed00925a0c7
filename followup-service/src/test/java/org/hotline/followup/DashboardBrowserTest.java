package org.hotline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HeadlessChromium;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operations dashboard in a real headless Chromium, over known follow-ups (the table is emptied first). Deadlines
 * are set around the real now far enough from any boundary that the counts cannot change while the test runs: clocks
 * that started now are 0-10 business hours old, clocks that started 60 days ago are 30h+. The contact links point at
 * {@link IntakeStandIn}, which answers for intake-service.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(IntakeStandIn.class)
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The cookie the service reads the staff token from (mp.jwt.token.cookie). */
    private static final String TOKEN_COOKIE = "hotline_access_token";

    @TestHTTPResource("/")
    URL root;

    private WebDriver browser;
    private final Instant now = Instant.now();
    private String oldBreached;
    private String recentBreached;
    private String atRisk;
    private String dueSoon;
    private String dueLater;

    @BeforeEach
    void knownFollowups() throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM followup.followup");
        }
        oldBreached = insert(CallType.TIP, "PHONE", days(-60), days(-50), days(-49), false);
        recentBreached = insert(CallType.REFERRAL_REQUEST, "EMAIL", days(-60), days(-3), hours(-1), false);
        // Its target is earlier than the recent breach's: only the grouping puts it after the breached ones.
        atRisk = insert(CallType.GENERAL_INFO, "TEXT", days(-60), days(-10), days(1), false);
        // Due in two hours: always before the close of the next business day (at least 19:00 tomorrow).
        dueSoon = insert(CallType.TIP, "WEB_FORM", now, hours(2), days(1), false);
        dueLater = insert(CallType.GENERAL_INFO, "WEB_FORM", now, days(10), days(12), false);
        insert(CallType.CRISIS, "PHONE", days(-60), days(-50), days(-49), true);
    }

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheBacklogAndTheMostUrgentFirstThenRefreshesByItself() throws Exception {
        openDashboardSignedIn();
        awaitText(By.id("count-open"), "5"::equals);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Follow-up backlog");
        assertThat(text(By.id("count-at-risk"))).isEqualTo("1");
        assertThat(text(By.id("count-breached"))).isEqualTo("2");
        assertThat(text(By.id("count-due-next-business-day"))).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-call-type=TIP]"))).isEqualTo("2");
        assertThat(text(By.cssSelector("[data-call-type=GENERAL_INFO]"))).isEqualTo("2");
        assertThat(text(By.cssSelector("[data-call-type=REFERRAL_REQUEST]"))).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-call-type=CRISIS]"))).isEqualTo("0");
        assertThat(text(By.cssSelector("[data-age='0-10h'] .bar-value"))).isEqualTo("2");
        assertThat(text(By.cssSelector("[data-age='30h+'] .bar-value"))).isEqualTo("3");
        // The chart's text alternative says what the bars show; the longest bar has the full width.
        assertThat(browser.findElement(By.id("age-chart")).getDomAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.id("age-chart-desc")).getDomProperty("textContent"))
                .isEqualTo("0–10 h: 2, 10–20 h: 0, 20–30 h: 0, 30 h+: 3");
        assertThat(browser.findElement(By.cssSelector("[data-age='30h+'] rect")).getDomAttribute("width"))
                .isEqualTo("360");

        assertThat(urgentReferences()).containsExactly(oldBreached, recentBreached, atRisk, dueSoon, dueLater);
        assertThat(column(6)).containsExactly("Breached", "Breached", "At risk", "Open", "Open");
        assertThat(column(2)).startsWith("Tip", "Referral request", "General information");
        assertThat(column(3)).startsWith("phone", "email", "text");
        assertThat(browser.findElements(By.cssSelector("#urgent thead th"))).extracting(WebElement::getText)
                .containsExactly("Reference", "Call type", "Channel", "Target", "Breach", "State");
        screenshot();

        // A new breached follow-up: the page shows it without being reloaded.
        ((JavascriptExecutor) browser).executeScript("window.sameDashboardPage = true;");
        String newlyBreached = insert(CallType.CRISIS, "CHAT", days(-60), days(-2), hours(-2), false);
        awaitText(By.id("count-open"), "6"::equals);
        awaitText(By.id("count-breached"), "3"::equals);
        assertThat(text(By.cssSelector("[data-call-type=CRISIS]"))).isEqualTo("1");
        awaitText(By.cssSelector("#urgent tbody tr:nth-child(6) th"), reference -> !reference.isEmpty());
        assertThat(urgentReferences()).containsExactly(oldBreached, recentBreached, newlyBreached, atRisk, dueSoon,
                dueLater);
        assertThat(text(By.cssSelector("[data-age='30h+'] .bar-value"))).isEqualTo("4");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDashboardPage === true;"))
                .isEqualTo(true);
        // The refreshes went with the token cookie, which the page's scripts cannot read.
        assertThat((String) ((JavascriptExecutor) browser).executeScript("return document.cookie;"))
                .doesNotContain(TOKEN_COOKIE);
    }

    @Test
    void eachReferenceLinksToItsContactInIntake() {
        openDashboardSignedIn();
        WebElement link = awaitElement(By.cssSelector("#urgent tbody tr:nth-child(3) a"));
        assertThat(link.getText()).isEqualTo(atRisk);
        assertThat(link.getDomAttribute("href"))
                .isEqualTo(IntakeStandIn.baseUrl() + "/api/v1/contacts/" + atRisk);
        link.click();
        // The stand-in for intake answers the contact the link names.
        awaitText(By.tagName("body"), body -> body.contains("\"reference\":\"" + atRisk + "\""));
    }

    @Test
    void theServerRendersTheFiguresWithoutJavaScript() {
        String html = given().cookie(TOKEN_COOKIE, TestTokens.supervisor()).get("/dashboard").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("<dd id=\"count-open\">5</dd>").contains("<dd id=\"count-breached\">2</dd>")
                .contains("<dd id=\"count-at-risk\">1</dd>").contains(">" + oldBreached + "</a>");
        // Scripts only from static files (a content security policy comes later): no inline script.
        assertThat(html).containsPattern("<script src=\"/dashboard.js\"")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        given().get("/dashboard.js").then().statusCode(200);
    }

    @Test
    void withoutAStaffTokenTheDashboardShowsNothing() {
        // A browser without the cookie gets 401 and no figures; a partner's token is refused with 403.
        browser.get(root + "dashboard");
        assertThat(browser.findElements(By.id("count-open"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(oldBreached);
        given().get("/dashboard").then().statusCode(401);
        given().cookie(TOKEN_COOKIE, TestTokens.partner(UUID.randomUUID())).get("/dashboard").then().statusCode(403);
        given().cookie(TOKEN_COOKIE, "not-a-token").get("/dashboard").then().statusCode(401);
    }

    /**
     * Signs in as the sign-in proxy in front of the service would: the token in an {@code HttpOnly},
     * {@code SameSite=Strict} cookie (set on a public page of the same origin first, as WebDriver requires), then
     * opens the dashboard.
     */
    private void openDashboardSignedIn() {
        browser.get(root + "dashboard.css");
        browser.manage().addCookie(new Cookie.Builder(TOKEN_COOKIE, TestTokens.agent()).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
        browser.get(root + "dashboard");
    }

    private List<String> urgentReferences() {
        return column(1);
    }

    /** The texts of one column of the urgent table, 1 = reference. */
    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("#urgent tbody tr > :nth-child(" + index + ")")).stream()
                .map(WebElement::getText).toList();
    }

    private String text(By locator) {
        return browser.findElement(locator).getText();
    }

    /** Waits until the element exists and its text passes (the page loads, then refreshes itself). */
    private void awaitText(By locator, Predicate<String> expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            List<WebElement> found = browser.findElements(locator);
            try {
                if (!found.isEmpty()) {
                    last = found.get(0).getText();
                    if (expected.test(last)) {
                        return;
                    }
                }
            } catch (org.openqa.selenium.StaleElementReferenceException replacedByTheRefresh) {
                // The script swapped the element: look again.
            }
            pause();
        }
        throw new AssertionError("Waited " + PATIENCE + " for " + locator + "; last text: " + last);
    }

    private WebElement awaitElement(By locator) {
        return HeadlessChromium.awaitElement(browser, locator, PATIENCE);
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Under target/screenshots. The README's docs/dashboard.png is a copy taken from there by hand, so a test run never
     * changes a committed file.
     */
    private void screenshot() throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(target.resolve("dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private Instant days(long days) {
        return now.plus(Duration.ofDays(days));
    }

    private Instant hours(long hours) {
        return now.plus(Duration.ofHours(hours));
    }

    private String insert(CallType callType, String channel, Instant clockStartsAt, Instant targetAt,
            Instant breachAt, boolean completed) throws SQLException {
        String reference = Decisions.reference(ContactKind.TIP);
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO followup.followup (id, reference, call_type, channel, received_at, clock_starts_at,
                            target_at, breach_at, status, completed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, reference);
            insert.setString(3, callType.name());
            insert.setString(4, channel);
            insert.setTimestamp(5, Timestamp.from(clockStartsAt));
            insert.setTimestamp(6, Timestamp.from(clockStartsAt));
            insert.setTimestamp(7, Timestamp.from(targetAt));
            insert.setTimestamp(8, Timestamp.from(breachAt));
            insert.setString(9, completed ? "COMPLETED" : "OPEN");
            insert.setTimestamp(10, completed ? Timestamp.from(now) : null);
            insert.executeUpdate();
        }
        return reference;
    }
}
