package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.testsupport.HeadlessChromium;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The public form in a real headless Chromium, in English and in Spanish, with one validation error first. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TipFormBrowserTest {

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
    void englishFormShowsTheErrorOnItsFieldThenAcceptsTheTip() throws Exception {
        browser.get(root + "?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector(".safety")).getText()).contains("call 911")
                .contains("1-888-373-7888");
        assertThat(browser.findElement(By.id("quick-exit")).getDomAttribute("href")).startsWith("https://");

        // A ZIP code of four digits and no description: both errors tied to their fields, nothing stored.
        browser.findElement(By.id("postalCode")).sendKeys("9390");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement summary = awaitElement(By.id("error-summary"));
        assertThat(browser.getTitle()).startsWith("Error:");
        assertThat(summary.getText()).contains("There is a problem").contains("Tell us what happened")
                .contains("Enter a ZIP code of 5 digits");
        WebElement zip = browser.findElement(By.id("postalCode"));
        assertThat(zip.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(zip.getDomAttribute("aria-describedby")).contains("postalCode-error");
        assertThat(zip.getDomProperty("value")).isEqualTo("9390");
        assertThat(browser.findElement(By.id("description")).getDomAttribute("aria-invalid")).isEqualTo("true");

        zip.clear();
        zip.sendKeys("93901");
        browser.findElement(By.id("description")).sendKeys("Farm workers are kept in a locked barn at night");
        browser.findElement(By.id("need-LABOR_RIGHTS")).click();
        browser.findElement(By.id("state")).sendKeys("CA");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        String reference = awaitElement(By.id("reference")).getText();
        assertThat(reference).matches("TIP-[0-9A-Z]{10}");
        assertThat(browser.findElement(By.id("follow-up-code")).getText()).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){3}");
        // followup-service is not running in this test: the form keeps its plain promise.
        assertThat(browser.findElement(By.id("reply-by")).getText())
                .isEqualTo("Our staff will respond within two to three business days.");
        screenshot("tip-form-receipt-en");

        given().auth().oauth2(TestTokens.agent()).when().get("/api/v1/contacts/" + reference)
                .then().statusCode(200)
                .body("channel", equalTo("WEB_FORM"))
                .body("location.postalCode", equalTo("93901"))
                .body("needs[0]", equalTo("LABOR_RIGHTS"));
    }

    @Test
    void spanishFormSpeaksSpanishFromErrorToReceipt() throws Exception {
        browser.get(root + "?lang=es");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Denuncie un caso de trata de personas");
        assertThat(browser.findElement(By.cssSelector(".safety")).getText()).contains("llame al 911");
        screenshot("tip-form-es");

        browser.findElement(By.id("email")).sendKeys("no-es-un-correo");
        browser.findElement(By.id("anonymous-no")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(awaitElement(By.id("error-summary")).getText()).contains("Hay un problema")
                .contains("Cuéntenos qué pasó").contains("Escriba un correo electrónico");
        assertThat(browser.findElement(By.id("email")).getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("anonymous-yes")).click();
        browser.findElement(By.id("description")).sendKeys("Una joven no puede salir del restaurante");
        browser.findElement(By.id("indicator-MINOR_INVOLVED")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitElement(By.id("reference"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gracias. Recibimos su denuncia.");
        assertThat(browser.findElement(By.id("reference")).getText()).matches("TIP-[0-9A-Z]{10}");
        assertThat(browser.findElement(By.id("reply-by")).getText()).contains("dos a tres días hábiles");
    }

    @Test
    void theFormWorksFromTheKeyboard() {
        browser.get(root + "?lang=en");
        // Every input has a label the browser associates with it.
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden]), textarea, select"))) {
            String id = input.getDomAttribute("id");
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for %s", id)
                    .isNotEmpty();
        }
        browser.findElement(By.id("description")).sendKeys("typed without a mouse");
        browser.findElement(By.id("description")).submit();
        assertThat(awaitElement(By.id("reference")).getText()).startsWith("TIP-");
    }

    private WebElement awaitElement(By locator) {
        return HeadlessChromium.awaitElement(browser, locator, Duration.ofSeconds(15));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
