package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hotline.intake.form.FormText;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/** The form over plain HTTP: language choice, anti-forgery token, and the same words in both languages. */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TipFormTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void browserLanguagePicksSpanishAndTheQueryOverridesIt() {
        given().header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5").when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"es\">"));
        given().header("Accept-Language", "es-MX").queryParam("lang", "en").when().get("/")
                .then().statusCode(200).body(containsString("<html lang=\"en\">"));
        given().header("Accept-Language", "fr-FR").when().get("/")
                .then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void aPostWithTheCookieAndItsTokenIsAccepted() {
        Response form = given().when().get("/");
        given().cookie("hotline_form", form.getCookie("hotline_form"))
                .formParam("csrf", token(form.asString()))
                .formParam("description", "seen from the bus stop")
                .when().post("/")
                .then().statusCode(200).body(containsString("id=\"reference\""));
    }

    @Test
    void aPostWithoutAMatchingTokenIsRefusedAndNothingIsStored() {
        Response form = given().when().get("/");
        Response other = given().when().get("/");
        // No cookie at all: a cross-site post.
        given().formParam("csrf", token(form.asString())).formParam("description", "forged")
                .when().post("/")
                .then().statusCode(403).body(containsString("The form expired"));
        // The cookie of one page with the token of another.
        given().cookie("hotline_form", form.getCookie("hotline_form"))
                .formParam("csrf", token(other.asString())).formParam("description", "forged")
                .when().post("/")
                .then().statusCode(403);
    }

    @Test
    void theCookieIsHttpOnlyAndStrictlySameSite() {
        String setCookie = given().when().get("/").then().statusCode(200).extract().header("Set-Cookie");
        assertThat(setCookie).contains("hotline_form=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void bothLanguagesHaveEveryText() {
        assertThat(FormText.of("es").keySet()).isEqualTo(FormText.of("en").keySet());
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
