package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HeadlessChromium;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The reporter's side in a real headless Chromium: the status page read with the reference and follow-up code typed
 * into a form (never in a URL), a staff reply shown there, information added from it; and the tip form filing a tip
 * once when the same post is sent again, as a reload sends it.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StatusPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL root;

    private WebDriver browser;

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
    void theReporterReadsAStaffReplyWithTheirCodeAndAddsInformation() throws Exception {
        browser.get(root + "?lang=en");
        browser.findElement(By.id("description")).sendKeys("A man collects the workers' pay at the farm gate");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String reference = awaitElement(By.id("reference")).getText();
        String code = browser.findElement(By.id("follow-up-code")).getText();

        // The receipt's promise of a status page is a link to it.
        browser.findElement(By.id("status-link")).click();
        awaitElement(By.id("code"));
        lookUp(reference, code);
        assertThat(awaitElement(By.id("no-replies")).getText()).startsWith("No reply yet");

        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body("{\"text\": \"Thank you. A legal aid partner can help with the wages.\\nAre you safe?\"}")
                .when().post("/api/v1/contacts/" + reference + "/replies").then().statusCode(201);

        browser.get(root + "status?lang=en");
        lookUp(reference, code.toLowerCase().replace("-", " "));
        WebElement replies = awaitElement(By.id("replies"));
        assertThat(replies.getText()).contains("A legal aid partner can help with the wages.").contains("Are you safe?");
        assertThat(browser.findElement(By.id("state")).getText()).startsWith("Received");
        assertNoCodeInUrlOrTitle(code);
        screenshot("status-page-reply-en");

        browser.findElement(By.id("message")).sendKeys("They moved the workers to a second farm on Route 9");
        browser.findElement(By.id("message")).submit();
        assertThat(awaitElement(By.id("added")).getText()).isEqualTo("Thank you. Your information was added to your tip.");
        assertThat(browser.findElement(By.id("replies")).getText()).contains("A legal aid partner");
        assertNoCodeInUrlOrTitle(code);
        assertThat(messagesOf(reference)).isEqualTo(1);
    }

    @Test
    void aWrongCodeIsRefusedOnThePageAndTheSpanishPageSpeaksSpanish() throws Exception {
        browser.get(root + "status?lang=es");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Consulte su denuncia");
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden])"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']")))
                    .isNotEmpty();
        }
        lookUp("TIP-NOSUCHTIP0", "00000-00000-00000-00000");
        assertThat(awaitElement(By.id("error-summary")).getText()).contains("Ninguna denuncia coincide");
        assertThat(browser.getTitle()).startsWith("Error:");
        screenshot("status-page-refused-es");
    }

    @Test
    void aReloadOfTheTipFormPostFilesTheTipOnceAndShowsTheSameCode() throws Exception {
        browser.get(root + "?lang=en");
        String submissionKey = browser.findElement(By.name("submission")).getDomProperty("value");
        browser.findElement(By.id("description")).sendKeys("Reloaded after sending " + UUID.randomUUID());
        // What the browser will post, kept to post it again later exactly as a reload of the receipt does.
        ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('post', "
                + "new URLSearchParams(new FormData(document.querySelector('form'))).toString());");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String reference = awaitElement(By.id("reference")).getText();
        String code = browser.findElement(By.id("follow-up-code")).getText();
        assertThat(browser.findElements(By.id("repeated"))).isEmpty();

        String again = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/?lang=en', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: sessionStorage.getItem('post')})
                  .then(function (r) { return r.text(); }).then(done, function (e) { done('failed: ' + e); });""");
        assertThat(again).contains(reference).contains("This tip had already been received")
                .as("the same browser is shown the same code again").contains(code);
        assertThat(tipsFiledWith(submissionKey)).as("one tip for the two posts").isEqualTo(1);
    }

    private void lookUp(String reference, String code) {
        browser.findElement(By.id("reference")).clear();
        browser.findElement(By.id("reference")).sendKeys(reference);
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("code")).submit();
    }

    private void assertNoCodeInUrlOrTitle(String code) {
        String compact = code.replace("-", "");
        assertThat(browser.getCurrentUrl()).doesNotContain(code).doesNotContainIgnoringCase(compact);
        assertThat(browser.getTitle()).doesNotContain(code);
    }

    private WebElement awaitElement(By locator) {
        return HeadlessChromium.awaitElement(browser, locator, PATIENCE);
    }

    private static long messagesOf(String reference) throws Exception {
        return count("SELECT count(*) FROM intake.tip_message m JOIN intake.contact c ON c.id = m.contact_id "
                + "WHERE c.reference = ?", reference);
    }

    private static long tipsFiledWith(String submissionKey) throws Exception {
        return count("SELECT count(*) FROM intake.contact WHERE idempotency_key LIKE ?",
                "form:" + submissionKey + ":%");
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
