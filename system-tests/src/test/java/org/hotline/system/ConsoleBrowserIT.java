package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hotline.local.LocalStack;
import org.hotline.testsupport.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The staff console in headless Chromium against the packaged services, a real broker, a real database and a real
 * Keycloak (the {@link SharedSystem}, which other system-test classes share): people sign in through Keycloak's
 * own login page, and the services verify Keycloak's tokens. Screenshots of each page go to {@code console/docs/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSystem.class)
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static LocalStack stack;
    private static String console;
    private static Path screenshots;
    /** The reference of the crisis call the agent logs, for the tests after it. */
    private static String crisisReference;
    /** The anonymous tip the supervisor replies to, whose follow-up the agent then completes. */
    private static String tipReference;

    @BeforeAll
    static void startTheSystem() throws Exception {
        HeadlessChromium.requireInstalled();
        Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
        screenshots = Files.createDirectories(root.resolve("console/docs"));
        stack = SharedSystem.stack();
        console = stack.console().baseUrl();
    }

    @Test
    @Order(1)
    void aSignedOutBrowserIsSentToSignIn() {
        WebDriver browser = HeadlessChromium.open();
        try {
            browser.get(console + "/followups");
            HeadlessChromium.awaitElement(browser, By.id("username"), PATIENCE);
            assertThat(browser.getCurrentUrl()).startsWith(stack.keycloak().issuer() + "/protocol/openid-connect/auth")
                    .contains("code_challenge=").contains("code_challenge_method=S256");
            screenshot(browser, "sign-in");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void anAgentSignsInAndLogsACrisisCallWithImminentDangerAndSeesThe911AdviceAndTheNumbers() {
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "agent", "/calls/new");
            HeadlessChromium.awaitElement(browser, By.id("callType"), PATIENCE);
            assertThat(browser.getTitle()).isEqualTo("Log a call · Hotline console");
            choose(browser, "callType", "CRISIS");
            browser.findElement(By.id("indicator-IMMINENT_DANGER")).click();
            choose(browser, "callerType", "POTENTIAL_VICTIM");
            browser.findElement(By.id("city")).sendKeys("Salinas");
            browser.findElement(By.id("state")).sendKeys("CA");
            browser.findElement(By.id("postalCode")).sendKeys("93901");
            browser.findElement(By.id("need-EMERGENCY_SHELTER")).click();
            browser.findElement(By.id("summary")).sendKeys("Caller is locked in a motel room and the men are back");
            browser.findElement(By.id("callbackPhone")).sendKeys("831-555-0199");
            browser.findElement(By.id("permission")).click();
            assertFitsIn320Pixels(browser);
            screenshot(browser, "log-a-call");
            browser.findElement(By.cssSelector("form[action='/calls'] button[type=submit]")).click();

            WebElement emergency = HeadlessChromium.awaitElement(browser, By.id("emergency"), PATIENCE);
            assertThat(emergency.getText()).isEqualTo("Tell the caller to dial 911 now.");
            crisisReference = browser.getCurrentUrl().replaceFirst(".*/calls/", "").replaceFirst("\\?.*", "");
            assertThat(browser.findElement(By.id("decision")).getText()).contains("Urgent").contains("Immediate");
            List<WebElement> numbers = browser.findElements(By.cssSelector("#numbers + .cards .card"));
            assertThat(numbers).isNotEmpty();
            for (WebElement number : numbers) {
                assertThat(number.findElement(By.className("phone")).getText()).matches("[0-9-]+");
                assertThat(number.getText()).containsAnyOf("Open now", "Closed now");
            }
            assertThat(browser.findElements(By.cssSelector("#reasons li"))).isNotEmpty();
            // Nothing personal in the address or the title.
            assertThat(browser.getCurrentUrl()).doesNotContain("motel").doesNotContain("831");
            assertThat(browser.getTitle()).isEqualTo("Call logged · Hotline console");
            assertFitsIn320Pixels(browser);
            screenshot(browser, "decision");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void theSessionCookieIsHttpOnlyAndLaxAndPagesAreNotCached() {
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "agent", "/calls/new");
            // Keycloak's three tokens, encrypted, are more than one cookie holds: quarkus-oidc splits the session into
            // q_session_chunk_N cookies; every one of them must be HttpOnly and SameSite=Lax.
            List<Cookie> session = browser.manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session")).toList();
            assertThat(session).as("the OIDC session cookies").isNotEmpty();
            for (Cookie chunk : session) {
                assertThat(chunk.isHttpOnly()).as(chunk.getName() + " HttpOnly").isTrue();
                assertThat(chunk.getSameSite()).as(chunk.getName() + " SameSite").isEqualTo("Lax");
            }
            Response page = asBrowser(browser).get("/calls/new");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void aCrossSiteFormPostIsRefused() throws Exception {
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "agent", "/calls/new");
            // A form post with the person's cookies but without the page's CSRF token is refused.
            Response forged = asBrowser(browser).contentType("application/x-www-form-urlencoded")
                    .formParam("callType", "GENERAL_INFO").formParam("summary", "forged").post("/calls");
            assertThat(forged.statusCode()).isEqualTo(400);
            // A post that is not a form at all is refused too.
            Response notAForm = asBrowser(browser).contentType("text/plain").body("callType=GENERAL_INFO")
                    .post("/calls");
            assertThat(notAForm.statusCode()).isIn(400, 415);

            // Another site's page that posts a form to the console: the browser sends no session cookie
            // (SameSite=Lax), so the console sees no one signed in and sends the browser to sign in; no call is logged.
            long contactsBefore = contacts();
            String attack = "<!DOCTYPE html><html><body><form id=f method=post action='" + console + "/calls'>"
                    + "<input name=callType value=GENERAL_INFO><input name=summary value=forged></form>"
                    + "<script>document.getElementById('f').submit()</script></body></html>";
            browser.get("data:text/html;charset=utf-8," + attack.replace("#", "%23"));
            // Keycloak still knows the person, so the browser comes back from sign-in at once; wherever it lands,
            // it is not on a logged call.
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().startsWith(console));
            assertThat(browser.getPageSource()).doesNotContain("Call logged");
            assertThat(contacts()).as("contacts in intake's table").isEqualTo(contactsBefore);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(5)
    void everyConsoleRouteLetsInItsRolesAndStopsTheOthers() {
        Map<String, Set<String>> getRoutes = new LinkedHashMap<>();
        getRoutes.put("/calls/new", Set.of("agent", "supervisor"));
        getRoutes.put("/followups", Set.of("agent", "supervisor"));
        getRoutes.put("/contacts", Set.of("agent", "supervisor"));
        getRoutes.put("/backlog", Set.of("supervisor"));
        getRoutes.put("/inbox", Set.of("partner"));
        getRoutes.put("/inbox/00000000-0000-0000-0000-000000000000/contact", Set.of("partner"));
        getRoutes.put("/directory", Set.of("admin"));
        getRoutes.put("/directory/00000000-0000-0000-0000-000000000000", Set.of("admin"));
        getRoutes.put("/directory/verification-due", Set.of("admin"));
        getRoutes.put("/closures", Set.of("supervisor"));
        getRoutes.put("/webhooks", Set.of("partner", "admin"));
        getRoutes.put("/webhooks/00000000-0000-0000-0000-000000000000/deliveries", Set.of("partner", "admin"));
        getRoutes.put("/cases", Set.of("agent", "supervisor"));
        getRoutes.put("/", Set.of("agent", "supervisor", "admin", "partner"));
        Map<String, Set<String>> postRoutes = new LinkedHashMap<>();
        postRoutes.put("/calls", Set.of("agent", "supervisor"));
        postRoutes.put("/followups/HT-NONE-0000/claim", Set.of("agent", "supervisor"));
        postRoutes.put("/followups/HT-NONE-0000/completion", Set.of("agent", "supervisor"));
        postRoutes.put("/followups/HT-NONE-0000/assignment", Set.of("supervisor"));
        postRoutes.put("/directory/00000000-0000-0000-0000-000000000000/services/00000000-0000-0000-0000-000000000000",
                Set.of("admin"));
        postRoutes.put("/directory/00000000-0000-0000-0000-000000000000/verification", Set.of("admin"));
        postRoutes.put("/closures", Set.of("supervisor"));
        postRoutes.put("/closures/00000000-0000-0000-0000-000000000000/removal", Set.of("supervisor"));
        postRoutes.put("/contacts/HT-NONE-0000/replies", Set.of("agent", "supervisor"));
        postRoutes.put("/contacts/HT-NONE-0000/notes", Set.of("agent", "supervisor"));
        postRoutes.put("/cases", Set.of("agent", "supervisor"));
        postRoutes.put("/cases/CASE-0000000000/notes", Set.of("agent", "supervisor"));
        postRoutes.put("/cases/CASE-0000000000/closure", Set.of("supervisor"));
        postRoutes.put("/cases/CASE-0000000000/merge", Set.of("supervisor"));
        postRoutes.put("/case-suggestions/HT-NONE-0000/00000000-0000-0000-0000-000000000000/rejection",
                Set.of("agent", "supervisor"));
        postRoutes.put("/inbox/00000000-0000-0000-0000-000000000000/acknowledgement", Set.of("partner"));
        postRoutes.put("/inbox/00000000-0000-0000-0000-000000000000/outcome", Set.of("partner"));
        postRoutes.put("/webhooks", Set.of("partner", "admin"));
        postRoutes.put("/webhooks/00000000-0000-0000-0000-000000000000/secret-rotation", Set.of("partner", "admin"));
        postRoutes.put("/webhooks/00000000-0000-0000-0000-000000000000/removal", Set.of("partner", "admin"));
        postRoutes.put("/sign-out", Set.of("agent", "supervisor", "admin", "partner"));

        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (String caller : List.of("anonymous", "agent", "supervisor", "admin", "partner")) {
            WebDriver browser = HeadlessChromium.open();
            try {
                if (!caller.equals("anonymous")) {
                    signIn(browser, caller, "/");
                }
                String csrf = caller.equals("anonymous") ? "none" : csrfToken(browser);
                for (Map.Entry<String, Set<String>> route : getRoutes.entrySet()) {
                    int status = asBrowser(browser).get(route.getKey()).statusCode();
                    calls++;
                    check(violations, "GET " + route.getKey(), caller, route.getValue(), status);
                }
                for (Map.Entry<String, Set<String>> route : postRoutes.entrySet()) {
                    if (route.getKey().equals("/sign-out") && !caller.equals("anonymous")) {
                        continue; // checked last: it ends the session the other checks use
                    }
                    int status = asBrowser(browser).contentType("application/x-www-form-urlencoded")
                            .formParam("csrf-token", csrf).formParam("text", "matrix").formParam("outcome", "")
                            .post(route.getKey()).statusCode();
                    calls++;
                    check(violations, "POST " + route.getKey(), caller, route.getValue(), status);
                }
                if (!caller.equals("anonymous")) {
                    int status = asBrowser(browser).contentType("application/x-www-form-urlencoded")
                            .formParam("csrf-token", csrf).post("/sign-out").statusCode();
                    calls++;
                    check(violations, "POST /sign-out", caller, postRoutes.get("/sign-out"), status);
                }
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).as("console authorisation violations in " + calls + " calls").isEmpty();
        assertThat(calls).isEqualTo(5 * (getRoutes.size() + postRoutes.size()));
    }

    @Test
    @Order(6)
    void signOutEndsTheSession() {
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "supervisor", "/");
            browser.findElement(By.cssSelector("form.sign-out button")).click();
            HeadlessChromium.awaitElement(browser, By.xpath("//h1[text()='You have signed out']"), PATIENCE);
            screenshot(browser, "signed-out");
            // The Keycloak session ended too: opening a page asks for the password again.
            browser.get(console + "/backlog");
            HeadlessChromium.awaitElement(browser, By.id("username"), PATIENCE);
            assertThat(browser.getCurrentUrl()).startsWith(stack.keycloak().issuer());
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(7)
    void aSupervisorSeesTheBacklogAndTheFollowUpsInsideTheConsole() {
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "supervisor", "/backlog");
            WebElement open = HeadlessChromium.awaitElement(browser, By.id("count-open"), PATIENCE);
            assertThat(open.getText()).matches("\\d+\\s+open");
            assertFitsIn320Pixels(browser);
            screenshot(browser, "backlog");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(8)
    void aPartnerSeesItsOwnInboxAndNothingElse() {
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "partner", "/");
            HeadlessChromium.awaitElement(browser, By.id("referrals"), PATIENCE);
            assertThat(browser.getCurrentUrl()).isEqualTo(console + "/inbox");
            assertThat(browser.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText)
                    .containsExactly("Referral inbox", "Webhooks");
            browser.get(console + "/contacts");
            HeadlessChromium.awaitElement(browser, By.xpath("//h1[text()='Not for your role']"), PATIENCE);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(9)
    void aSupervisorFindsATipRepliesToItsAnonymousReporterWhoReadsTheReplyOnTheStatusPage() {
        Response receipt = given().baseUri(stack.url("intake-service")).contentType("application/json")
                .body("""
                        {"description": "The nail salon workers sleep in the back room", "needs": ["LABOR_RIGHTS"],
                         "location": {"city": "Salinas", "state": "CA", "postalCode": "93901"},
                         "reporter": {"anonymous": true}}""")
                .post("/api/v1/tips");
        assertThat(receipt.statusCode()).isEqualTo(202);
        String reference = receipt.path("reference");
        String code = receipt.path("followUpCode");
        tipReference = reference;

        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "supervisor", "/contacts");
            browser.findElement(By.id("f-reference")).sendKeys(reference);
            browser.findElement(By.cssSelector("form.search button")).click();
            // The unfiltered list may already show the new tip: wait for the search's own page (a GET with the
            // reference), or the link found would belong to the page being replaced.
            org.awaitility.Awaitility.await().atMost(PATIENCE)
                    .until(() -> browser.getCurrentUrl().contains("reference=" + reference));
            WebElement row = HeadlessChromium.awaitElement(browser,
                    By.cssSelector("#contacts a[href='/contacts/" + reference + "']"), PATIENCE);
            assertThat(browser.findElements(By.cssSelector("#contacts tbody tr"))).hasSize(1);
            screenshot(browser, "contacts");
            row.click();
            HeadlessChromium.awaitElement(browser, By.id("reply"), PATIENCE)
                    .sendKeys("Thank you. A specialist is looking into this; please add anything you remember.");
            browser.findElement(By.cssSelector("form[action$='/replies'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), text -> text.startsWith("Reply sent"),
                    PATIENCE)).startsWith("Reply sent");
            assertThat(browser.findElement(By.id("replies")).getText()).contains("A specialist is looking into this");
            assertThat(browser.findElement(By.id("description")).getText()).contains("nail salon");
            assertThat(browser.getTitle()).isEqualTo("Contact " + reference + " · Hotline console");
            screenshot(browser, "contact-detail");

            // The reporter, with no account: the public status page, reference and code by form post.
            browser.get(stack.url("intake-service") + "/status?lang=en");
            HeadlessChromium.awaitElement(browser, By.id("reference"), PATIENCE).sendKeys(reference);
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement replies = HeadlessChromium.awaitElement(browser, By.id("replies"), PATIENCE);
            assertThat(replies.getText()).contains("A specialist is looking into this");
            assertThat(browser.getCurrentUrl()).doesNotContain(code);
            screenshot(browser, "reporter-status-page");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(10)
    void anAgentCompletesAFollowUpWithAnOutcomeAndTheBacklogDrops() {
        String reference = tipReference;
        assertThat(reference).as("the tip of the test before").isNotNull();
        String token = stack.keycloakTokens().forRole("agent");
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> given().baseUri(stack.url("followup-service"))
                .auth().oauth2(token).get("/api/v1/followups/" + reference).statusCode() == 200);
        assertThat(openReferences(token)).as("open, so counted in the backlog, before").contains(reference);

        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "agent", "/followups");
            By card = By.id("followup-" + reference);
            HeadlessChromium.awaitElement(browser, card, PATIENCE).findElement(By.cssSelector(
                    "form[action$='/claim'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Follow-up claimed: it is yours.", PATIENCE))
                    .isEqualTo("Follow-up claimed: it is yours.");
            WebElement claimed = browser.findElement(card);
            assertThat(claimed.getText()).contains("Taken by");
            claimed.findElement(By.cssSelector("option[value='RESPONDED']")).click();
            claimed.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Replied on the status page");
            screenshot(browser, "followups");
            claimed.findElement(By.cssSelector("form[action$='/completion'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Follow-up completed.", PATIENCE))
                    .isEqualTo("Follow-up completed.");
            assertThat(browser.findElements(card)).isEmpty();
        } finally {
            browser.quit();
        }
        Response done = given().baseUri(stack.url("followup-service")).auth().oauth2(token)
                .get("/api/v1/followups/" + reference);
        assertThat(done.<String>path("status")).isEqualTo("COMPLETED");
        assertThat(done.<String>path("outcome")).isEqualTo("RESPONDED");
        // The backlog is counted ahead in the background: a count made after the completion no longer counts it. Other
        // tests' follow-ups may be scheduled meanwhile, so the property is "the count equals the open follow-ups, and
        // this one is not among them", not a smaller number than before.
        java.time.OffsetDateTime completedAt = java.time.OffsetDateTime.parse(done.path("completedAt"));
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> {
            io.restassured.path.json.JsonPath backlog = given().baseUri(stack.url("followup-service"))
                    .auth().oauth2(token).get("/api/v1/followups/backlog").then().statusCode(200).extract().jsonPath();
            return java.time.OffsetDateTime.parse(backlog.getString("asOf")).isAfter(completedAt)
                    && backlog.getLong("open") == openReferences(token).size();
        });
        assertThat(openReferences(token)).doesNotContain(reference);
    }

    @Test
    @Order(11)
    void aPartnerAcknowledgesItsReferralAndRecordsAnOutcome() {
        assertThat(crisisReference).as("the crisis call of the agent's test").isNotNull();
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "partner", "/inbox");
            By ofTheCall = By.xpath("//li[contains(@class,'card')][.//h3[contains(., '" + crisisReference + "')]]");
            HeadlessChromium.awaitElement(browser, ofTheCall, PATIENCE);
            // The crisis call is urgent and unacknowledged: it comes first.
            assertThat(browser.findElements(By.cssSelector("#referrals > li")).get(0).getText())
                    .contains(crisisReference).contains("Urgent");
            // The call may have more than one referral to this partner (another need, or a re-referral after an
            // escalation); once acknowledged, this one sorts after the others, so it is followed by its own id.
            By card = By.id(browser.findElement(ofTheCall).getAttribute("id"));
            browser.findElement(card).findElement(By.cssSelector("form[action$='/acknowledgement'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Referral acknowledged.", PATIENCE))
                    .isEqualTo("Referral acknowledged.");
            assertThat(browser.findElement(card).getText()).contains("Acknowledged");
            browser.findElement(card).findElement(By.cssSelector("option[value='CONTACTED']")).click();
            browser.findElement(card).findElement(By.cssSelector("form[action$='/outcome'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Outcome recorded.", PATIENCE))
                    .isEqualTo("Outcome recorded.");
            assertThat(browser.findElement(card).getText()).contains("Outcome: Contacted");
            screenshot(browser, "partner-inbox");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(12)
    void anAdministratorCorrectsAnOrganisationsHoursWithDirectorysOwnValidationAndMarksItVerified() {
        // A directory entry of this test's own, far from the calls the other tests log (Maine, legal help), so that
        // routing's choices for them stay as they were.
        Response created = given().baseUri(stack.url("directory-service"))
                .auth().oauth2(stack.keycloakTokens().forRole("admin")).contentType("application/json").body("""
                        {"name": "Harbor Light Legal Aid", "description": "Legal help for survivors in York County",
                         "languages": ["en"], "lastVerifiedOn": "2025-01-15",
                         "services": [{"name": "Harbor Light walk-in clinic", "needs": ["LEGAL"],
                                       "phone": "1-207-555-0142",
                                       "hours": {"timeZone": "America/New_York", "open24h": false,
                                                 "weekly": [{"days": ["MON", "TUE", "WED", "THU", "FRI"],
                                                             "opens": "09:00", "closes": "17:00"}]},
                                       "area": {"national": false, "counties": ["ME:York"]}}]}""")
                .post("/api/v1/organizations");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        String serviceId = created.path("services[0].id");

        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "admin", "/directory");
            HeadlessChromium.awaitElement(browser, By.id("d-q"), PATIENCE).sendKeys("Harbor Light");
            browser.findElement(By.cssSelector("form.search button")).click();
            org.awaitility.Awaitility.await().atMost(PATIENCE)
                    .until(() -> browser.getCurrentUrl().contains("q=Harbor"));
            WebElement link = HeadlessChromium.awaitElement(browser,
                    By.cssSelector("#organizations a[href='/directory/" + id + "']"), PATIENCE);
            assertFitsIn320Pixels(browser);
            screenshot(browser, "directory-search");
            link.click();

            // A time directory refuses: its field error comes back beside the field, nothing is saved.
            WebElement opens = HeadlessChromium.awaitElement(browser, By.id("s0-w0-opens"), PATIENCE);
            opens.clear();
            opens.sendKeys("25:00");
            browser.findElement(By.cssSelector("#service-" + serviceId + " button[type=submit]")).click();
            WebElement fieldError = HeadlessChromium.awaitElement(browser, By.id("s0-w0-error"), PATIENCE);
            assertThat(fieldError.getText()).startsWith("Opens:").contains("HH:mm");
            assertThat(browser.findElement(By.id("errors")).getText())
                    .contains("Harbor Light walk-in clinic, opening span 1, opens: ");
            assertThat(browser.findElement(By.id("s0-w0-opens")).getAttribute("value")).isEqualTo("25:00");
            screenshot(browser, "directory-field-error");
            assertThat(directoryService(id).<String>path("services[0].hours.weekly[0].opens")).isEqualTo("09:00");

            // Corrected, with Saturday morning added in the empty row.
            WebElement corrected = browser.findElement(By.id("s0-w0-opens"));
            corrected.clear();
            corrected.sendKeys("08:30");
            browser.findElement(By.cssSelector("input[name=days][value='1:SAT']")).click();
            browser.findElement(By.id("s0-w1-opens")).sendKeys("10:00");
            browser.findElement(By.id("s0-w1-closes")).sendKeys("13:00");
            browser.findElement(By.cssSelector("#service-" + serviceId + " button[type=submit]")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), text -> text.startsWith("Saved"), PATIENCE))
                    .startsWith("Saved");
            Response saved = directoryService(id);
            assertThat(saved.<List<String>>path("services[0].hours.weekly.opens")).containsExactly("08:30", "10:00");
            assertThat(saved.<List<String>>path("services[0].hours.weekly[1].days")).containsExactly("SAT");
            assertThat(saved.<List<String>>path("services[0].area.counties")).containsExactly("ME:York");
            assertThat(saved.<String>path("description")).isEqualTo("Legal help for survivors in York County");

            browser.findElement(By.id("mark-verified")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Marked verified today.", PATIENCE))
                    .isEqualTo("Marked verified today.");
            String today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString();
            assertThat(browser.findElement(By.id("last-verified")).getText()).isEqualTo(today);
            assertThat(directoryService(id).<String>path("lastVerifiedOn")).isEqualTo(today);
            assertFitsIn320Pixels(browser);
            screenshot(browser, "directory-organization");

            // Verified today, it has left the list of organisations due for verification.
            browser.get(console + "/directory/verification-due");
            HeadlessChromium.awaitElement(browser, By.id("verification-due"), PATIENCE);
            assertThat(browser.findElements(By.cssSelector("#verification-due a[href='/directory/" + id + "']")))
                    .isEmpty();
            assertThat(browser.getTitle()).isEqualTo("Needs verification · Hotline console");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(13)
    void aSupervisorAssignsAFollowUpToAnAgentAndSeesTheAgentsName() {
        Response receipt = given().baseUri(stack.url("intake-service")).contentType("application/json")
                .body("""
                        {"description": "Workers at the farm are not paid and cannot leave", "needs": ["LABOR_RIGHTS"],
                         "location": {"city": "Watsonville", "state": "CA", "postalCode": "95076"},
                         "reporter": {"anonymous": true}}""")
                .post("/api/v1/tips");
        assertThat(receipt.statusCode()).isEqualTo(202);
        String reference = receipt.path("reference");
        String agentToken = stack.keycloakTokens().forRole("agent");
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> given().baseUri(stack.url("followup-service"))
                .auth().oauth2(agentToken).get("/api/v1/followups/" + reference).statusCode() == 200);
        String agentSubject = subjectOf(agentToken);

        // The agent uses the work list, so followup knows them by name.
        WebDriver agent = HeadlessChromium.open();
        try {
            signIn(agent, "agent", "/followups");
            HeadlessChromium.awaitElement(agent, By.id("followups"), PATIENCE);
        } finally {
            agent.quit();
        }

        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "supervisor", "/followups");
            By card = By.id("followup-" + reference);
            WebElement option = HeadlessChromium.awaitElement(browser, card, PATIENCE)
                    .findElement(By.cssSelector("select[name=assignee] option[value='" + agentSubject + "']"));
            String name = option.getText();
            assertThat(name).as("a person's name, not the token subject").isIn("Demo Agent", "agent");
            option.click();
            browser.findElement(card).findElement(By.cssSelector("form[action$='/assignment'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Follow-up assigned.", PATIENCE))
                    .isEqualTo("Follow-up assigned.");
            WebElement assigned = browser.findElement(card);
            assertThat(assigned.findElement(By.className("assignee")).getText()).isEqualTo("Taken by " + name);
            assertThat(assigned.getText()).doesNotContain(agentSubject);
            screenshot(browser, "followups-assigned");
        } finally {
            browser.quit();
        }
        Response followup = given().baseUri(stack.url("followup-service")).auth().oauth2(agentToken)
                .get("/api/v1/followups/" + reference);
        assertThat(followup.<String>path("assignee")).isEqualTo(agentSubject);
    }

    @Test
    @Order(14)
    void aSupervisorAddsAndRemovesAClosureAndSeesHowManyFollowUpsMoved() {
        // The next day on the hotline's clock, so the open follow-up of the test before runs through it.
        String day = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(1).toString();
        String reason = "Snow day " + ProcessHandle.current().pid();
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "supervisor", "/closures");
            // A closure without a reason: followup's field error beside the field, nothing added.
            ((JavascriptExecutor) browser).executeScript("document.getElementById('c-date').value = arguments[0]",
                    day);
            browser.findElement(By.cssSelector("#add-closure button[type=submit]")).click();
            assertThat(HeadlessChromium.awaitElement(browser, By.id("c-reason-error"), PATIENCE).getText())
                    .isNotBlank();

            browser.findElement(By.id("c-reason")).sendKeys(reason);
            browser.findElement(By.cssSelector("#add-closure button[type=submit]")).click();
            String addedNotice = "Closure added\\. \\d+ open follow-ups? moved to the new deadlines\\.";
            String added = HeadlessChromium.awaitText(browser, By.id("notice"), text -> text.matches(addedNotice),
                    PATIENCE);
            assertThat(added).matches(addedNotice);
            By card = By.xpath("//ul[@id='closures']/li[.//h3[text()='" + reason + "']]");
            assertThat(browser.findElement(card).getText()).contains("Closed from");
            assertFitsIn320Pixels(browser);
            screenshot(browser, "closures");
            String supervisorToken = stack.keycloakTokens().forRole("supervisor");
            assertThat(given().baseUri(stack.url("followup-service")).auth().oauth2(supervisorToken)
                    .get("/api/v1/calendar/closures").<List<String>>path("reason")).contains(reason);

            browser.findElement(card).findElement(By.cssSelector("button")).click();
            String removedNotice = "Closure removed\\. \\d+ open follow-ups? moved back\\.";
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), text -> text.matches(removedNotice),
                    PATIENCE)).matches(removedNotice);
            assertThat(browser.findElements(card)).isEmpty();
            assertThat(given().baseUri(stack.url("followup-service")).auth().oauth2(supervisorToken)
                    .get("/api/v1/calendar/closures").<List<String>>path("reason")).doesNotContain(reason);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(16)
    void anAgentOpensACaseFromATipAndConfirmsTheSuggestionForASecondTipWithTheSamePhone() {
        String first = tipWithPhone("Workers at the packing shed sleep in a locked barn");
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "agent", "/contacts/" + first);
            HeadlessChromium.awaitElement(browser, By.cssSelector("form[action='/cases'] button"), PATIENCE).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), "Case opened.", PATIENCE))
                    .isEqualTo("Case opened.");
            String caseReference = browser.getCurrentUrl().replaceAll(".*/cases/(CASE-[0-9A-Z]{10}).*", "$1");
            assertThat(caseReference).matches("CASE-[0-9A-Z]{10}");
            assertThat(browser.findElement(By.id("signals")).getText()).contains(first);

            // Submitted once the case exists: intake suggests it, found through the phone's blind index.
            String second = tipWithPhone("My cousin says the boss keeps their passports");
            browser.get(console + "/contacts/" + second);
            WebElement confirm = HeadlessChromium.awaitElement(browser, By.xpath("//ul[@id='suggestions']"
                    + "//button[contains(., 'Confirm: link to " + caseReference + "')]"), PATIENCE);
            assertThat(browser.findElement(By.id("suggestions")).getText()).contains("Phone");
            screenshot(browser, "contact-case-suggestions");
            confirm.click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), text -> text.startsWith("Suggestion "
                    + "confirmed"), PATIENCE)).startsWith("Suggestion confirmed");
            assertThat(browser.findElement(By.id("signals")).getText()).contains(first).contains(second);
            assertThat(browser.findElement(By.id("history")).getText()).contains("Suggestion confirmed");
            assertThat(browser.getTitle()).isEqualTo("Case " + caseReference + " · Hotline console");
            assertFitsIn320Pixels(browser);
            screenshot(browser, "case-detail");
        } finally {
            browser.quit();
        }
    }

    private static String tipWithPhone(String description) {
        Response tip = given().baseUri(stack.url("intake-service")).contentType("application/json").body("""
                {"description": "%s", "typology": "AGRICULTURE_ANIMAL_HUSBANDRY",
                 "location": {"county": "Monterey", "state": "CA"},
                 "reporter": {"anonymous": false, "name": "R", "phone": "(831) 555-0177"}}""".formatted(description))
                .post("/api/v1/tips");
        assertThat(tip.statusCode()).isEqualTo(202);
        return tip.path("reference");
    }

    @Test
    @Order(15)
    void aPartnerOpensTheDetailsOfAConsentedReferralAndOnlyTheSummaryOfOneWithoutConsent() {
        assertThat(crisisReference).as("the crisis call of the agent's test, logged without consent").isNotNull();
        Response call = given().baseUri(stack.url("intake-service"))
                .auth().oauth2(stack.keycloakTokens().forRole("agent")).contentType("application/json").body("""
                        {"callType": "CRISIS", "indicators": ["IMMINENT_DANGER"], "needs": ["EMERGENCY_SHELTER"],
                         "location": {"city": "Salinas", "state": "CA", "postalCode": "93901"},
                         "summary": "She is hiding at a friend's place and needs a bed tonight",
                         "consentToShareWithPartners": true,
                         "callback": {"name": "Marisol", "phone": "831-555-0123", "permissionToCallBack": true}}""")
                .post("/api/v1/calls");
        assertThat(call.statusCode()).isEqualTo(201);
        String reference = call.path("reference");

        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "partner", "/inbox");
            By card = By.xpath("//li[contains(@class,'card')][.//h3[contains(., '" + reference + "')]]");
            // The referral reaches routing's feed and intake's copy through Kafka: reload until it is in the inbox.
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> {
                browser.get(console + "/inbox");
                return !browser.findElements(card).isEmpty();
            });
            String link = browser.findElement(card).findElement(By.linkText("Contact details")).getAttribute("href");
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> {
                browser.get(link);
                return !browser.findElements(By.id("description")).isEmpty();
            });
            assertThat(browser.findElement(By.id("description")).getText()).contains("needs a bed tonight");
            assertThat(browser.findElement(By.id("callback")).getText()).contains("831-555-0123").contains("Marisol");
            assertThat(browser.getCurrentUrl()).doesNotContain("831").doesNotContain("Marisol");
            assertThat(browser.getTitle()).isEqualTo("Referral contact details · Hotline console");
            assertFitsIn320Pixels(browser);
            screenshot(browser, "partner-contact");

            // The crisis call of the agent's test gave no consent: the partner is told so, and sees nothing of it.
            browser.get(console + "/inbox");
            By crisis = By.xpath("//li[contains(@class,'card')][.//h3[contains(., '" + crisisReference + "')]]");
            String crisisLink = HeadlessChromium.awaitElement(browser, crisis, PATIENCE)
                    .findElement(By.linkText("Contact details")).getAttribute("href");
            browser.get(crisisLink);
            HeadlessChromium.awaitElement(browser, By.id("no-consent"), PATIENCE);
            assertThat(browser.getPageSource()).doesNotContain("motel").doesNotContain("831-555-0199");
        } finally {
            browser.quit();
        }
        assertThat(auditActions(reference)).contains("referral.contact.view");
    }


    @Test
    @Order(16)
    void aPartnerRegistersAWebhookSeesItsSecretOnceRotatesItAndRemovesIt() throws Exception {
        // A receiver of the partner's own on loopback (the local run allows plain http there, and only there).
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        WebDriver browser = HeadlessChromium.open();
        try {
            signIn(browser, "partner", "/webhooks");
            HeadlessChromium.awaitElement(browser, By.id("register-webhook"), PATIENCE);

            // An address inside a private range is refused, and routing's reason is shown beside the field.
            browser.findElement(By.id("w-url")).sendKeys("https://10.20.30.40/hooks");
            browser.findElement(By.cssSelector("#register-webhook button[type=submit]")).click();
            assertThat(HeadlessChromium.awaitElement(browser, By.id("w-url-error"), PATIENCE).getText()).isNotBlank();
            assertThat(browser.findElement(By.id("w-url")).getAttribute("value")).isEqualTo("https://10.20.30.40/hooks");

            browser.findElement(By.id("w-url")).clear();
            browser.findElement(By.id("w-url")).sendKeys(endpoint);
            browser.findElement(By.cssSelector("#register-webhook button[type=submit]")).click();
            String secret = HeadlessChromium.awaitElement(browser, By.id("secret"), PATIENCE).getAttribute("value");
            assertThat(secret).startsWith("whsec_");
            assertThat(browser.getCurrentUrl()).doesNotContain(secret.substring(6));
            screenshot(browser, "webhook-secret");

            browser.get(console + "/webhooks");
            By card = By.xpath("//ul[@id='webhooks']/li[.//h3[text()='" + endpoint + "']]");
            WebElement registered = HeadlessChromium.awaitElement(browser, card, PATIENCE);
            assertThat(registered.getText()).contains("Active").contains("hotline.referral.issued");
            assertThat(browser.getPageSource()).as("a secret is never listed").doesNotContain(secret);
            assertFitsIn320Pixels(browser);
            screenshot(browser, "webhooks");

            registered.findElement(By.cssSelector("form[action$='/secret-rotation'] button")).click();
            String rotated = HeadlessChromium.awaitElement(browser, By.id("secret"), PATIENCE).getAttribute("value");
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
            assertThat(browser.getPageSource()).contains("previous and this secret");

            browser.get(console + "/webhooks");
            HeadlessChromium.awaitElement(browser, card, PATIENCE).findElement(By.linkText(
                    "Deliveries of the last 7 days")).click();
            HeadlessChromium.awaitElement(browser, By.id("deliveries"), PATIENCE);
            assertThat(browser.getTitle()).isEqualTo("Webhook deliveries · Hotline console");

            browser.get(console + "/webhooks");
            HeadlessChromium.awaitElement(browser, card, PATIENCE).findElement(By.cssSelector(
                    "form[action$='/removal'] button")).click();
            assertThat(HeadlessChromium.awaitText(browser, By.id("notice"), text -> text.startsWith("Webhook removed"),
                    PATIENCE)).startsWith("Webhook removed");
            assertThat(browser.findElements(card)).isEmpty();
        } finally {
            browser.quit();
            receiver.stop(0);
        }
    }

    /** The organisation as directory holds it now. */
    private static Response directoryService(String id) {
        return given().baseUri(stack.url("directory-service")).auth().oauth2(stack.keycloakTokens().forRole("admin"))
                .get("/api/v1/organizations/" + id);
    }

    /** The {@code sub} claim of an access token (read, not verified: the services verify it). */
    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        assertThat(sub.find()).as("a subject in the token").isTrue();
        return sub.group(1);
    }

    /** The audit trail's actions for a contact (intake's audit table, read directly). */
    private static List<String> auditActions(String reference) {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(), "postgres", "");
                var query = db.prepareStatement("SELECT action FROM audit.personal_data_access WHERE reference = ?")) {
            query.setString(1, reference);
            List<String> actions = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            return actions;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every open follow-up's reference (the tests leave far fewer than one page of them). */
    private static List<String> openReferences(String token) {
        io.restassured.path.json.JsonPath page = given().baseUri(stack.url("followup-service")).auth().oauth2(token)
                .queryParam("status", "OPEN").queryParam("size", 100).get("/api/v1/followups")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("totalItems")).as("one page holds every open follow-up").isLessThanOrEqualTo(100);
        return page.getList("items.reference", String.class);
    }

    private static void check(List<String> violations, String route, String caller, Set<String> allowed,
            int status) {
        boolean letIn = allowed.contains(caller);
        if (caller.equals("anonymous")) {
            // An unauthenticated browser is sent to Keycloak's sign-in (a redirect), never shown the page.
            if (status != 302 && status != 303) {
                violations.add(route + " as anonymous: " + status + ", expected a redirect to sign in");
            }
        } else if (letIn && (status == 401 || status == 403 || status == 302)) {
            violations.add(route + " as " + caller + ": " + status + ", expected to be let in");
        } else if (!letIn && status != 403) {
            violations.add(route + " as " + caller + ": " + status + ", expected 403");
        }
    }

    /** Signs in through Keycloak's own login page, starting at {@code path} of the console, and waits to be back. */
    private static void signIn(WebDriver browser, String user, String path) {
        browser.get(console + path);
        HeadlessChromium.awaitElement(browser, By.id("username"), PATIENCE).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(stack.identitySecrets().password(user));
        browser.findElement(By.id("kc-login")).click();
        HeadlessChromium.awaitElement(browser, By.cssSelector("form.sign-out"), PATIENCE);
        assertThat(browser.getCurrentUrl()).startsWith(console);
    }

    /** How many contacts intake has stored (its own table, read directly: this test is the only writer now). */
    private static long contacts() throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(), "postgres", "");
                var rows = db.createStatement().executeQuery("SELECT count(*) FROM intake.contact")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void choose(WebDriver browser, String selectId, String value) {
        browser.findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']")).click();
    }

    /** A plain HTTP request carrying the browser's cookies, redirects not followed. */
    private static RequestSpecification asBrowser(WebDriver browser) {
        RequestSpecification request = given().baseUri(console).redirects().follow(false);
        for (Cookie cookie : browser.manage().getCookies()) {
            request = request.cookie(cookie.getName(), cookie.getValue());
        }
        return request;
    }

    private static String csrfToken(WebDriver browser) {
        Matcher token = CSRF.matcher(browser.getPageSource());
        assertThat(token.find()).as("a CSRF token in the page's forms").isTrue();
        return token.group(1);
    }

    /** No horizontal scrolling at 320 CSS pixels (WCAG reflow); the window is put back afterwards. */
    private static void assertFitsIn320Pixels(WebDriver browser) {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(320, 900));
        try {
            Number scrollWidth = (Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
            Number viewport = (Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.clientWidth");
            assertThat(scrollWidth.intValue()).as("page width at 320 px").isLessThanOrEqualTo(viewport.intValue());
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** The whole page from its top, as a person scrolling it would read it, into console/docs/<name>.png. */
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
