package org.hotline.intake.form;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.Contact;
import org.hotline.platform.rest.ClientAddress;
import org.hotline.intake.rest.TipMessageSubmission;
import org.hotline.intake.service.AnonymousAccess;
import org.hotline.intake.service.ReporterReplies;
import org.hotline.intake.service.SubmissionLimiter;
import org.hotline.intake.service.TipMessages;

/**
 * The anonymous reporter's status page at {@code /status}: plain HTML that works without JavaScript, in English and
 * Spanish, like the tip form. The reporter types their reference and follow-up code into a form that is posted (the
 * code never goes into a URL), reads the status and the staff's replies, and adds information. Same checks as the API
 * (the same throttles on wrong codes, the submission limit on added information), an anti-forgery token, and
 * {@code Cache-Control: no-store} on every answer, since they show or hold personal data.
 */
@PermitAll
@Path("/status")
@Tag(name = "Tip form", description = "The public web form (HTML)")
public class StatusPageResource {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private final AnonymousAccess access;
    private final ReporterReplies replies;
    private final TipMessages messages;
    private final SubmissionLimiter limiter;
    private final FormTokens tokens;
    private final Validator validator;
    private final Template lookup;
    private final Template status;

    public StatusPageResource(AnonymousAccess access, ReporterReplies replies, TipMessages messages,
            SubmissionLimiter limiter, FormTokens tokens, Validator validator,
            @Location("StatusPageResource/lookup.html") Template lookup,
            @Location("StatusPageResource/status.html") Template status) {
        this.access = access;
        this.replies = replies;
        this.messages = messages;
        this.limiter = limiter;
        this.tokens = tokens;
        this.validator = validator;
        this.lookup = lookup;
        this.status = status;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The status page: a form for the reference and follow-up code",
            description = "?lang=en or es; otherwise the browser's preference")
    public Response show(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        return lookupPage(200, FormText.choose(lang, acceptLanguage), null, Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Read a tip's status and the staff's replies with its reference and follow-up code")
    public Response read(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
            @CookieParam(FormTokens.COOKIE) String nonce, MultivaluedMap<String, String> form,
            HttpServerRequest request) {
        String language = FormText.choose(lang, acceptLanguage);
        String reference = normalizedReference(first(form, "reference"));
        String code = first(form, "code");
        Map<String, String> missing = missingFields(reference, code);
        if (!tokens.valid(nonce, first(form, "csrf"))) {
            return lookupPage(403, language, reference, Map.of("form", "expired"), null);
        }
        if (!missing.isEmpty()) {
            return lookupPage(400, language, reference, missing, null);
        }
        AnonymousAccess.Outcome outcome = access.check(reference, code, ClientAddress.of(request));
        if (outcome.tip().isEmpty()) {
            return refused(language, reference, outcome);
        }
        return statusPage(200, language, outcome.tip().get(), code, Map.of(), false);
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Add information to a tip with its reference and follow-up code")
    public Response addMessage(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
            @CookieParam(FormTokens.COOKIE) String nonce, MultivaluedMap<String, String> form,
            HttpServerRequest request) {
        String language = FormText.choose(lang, acceptLanguage);
        String reference = normalizedReference(first(form, "reference"));
        String code = first(form, "code");
        Map<String, String> missing = missingFields(reference, code);
        if (!tokens.valid(nonce, first(form, "csrf"))) {
            return lookupPage(403, language, reference, Map.of("form", "expired"), null);
        }
        if (!missing.isEmpty()) {
            return lookupPage(400, language, reference, missing, null);
        }
        String client = ClientAddress.of(request);
        Optional<Duration> wait = limiter.acquire(client);
        if (wait.isPresent()) {
            return lookupPage(429, language, reference, Map.of("form", "tooMany"), wait.get());
        }
        AnonymousAccess.Outcome outcome = access.check(reference, code, client);
        if (outcome.tip().isEmpty()) {
            return refused(language, reference, outcome);
        }
        Contact tip = outcome.tip().get();
        TipMessageSubmission submission = new TipMessageSubmission(first(form, "message"), null, null);
        if (!validator.validate(submission).isEmpty()) {
            return statusPage(400, language, tip, code, Map.of("message", "invalid"), false);
        }
        messages.add(tip, submission);
        return statusPage(200, language, tip, code, Map.of(), true);
    }

    private Response refused(String language, String reference, AnonymousAccess.Outcome outcome) {
        if (outcome.retryAfter().isPresent()) {
            return lookupPage(429, language, reference, Map.of("form", "tooManyCodes"), outcome.retryAfter().get());
        }
        return lookupPage(404, language, reference, Map.of("form", "notFound"), null);
    }

    private Response lookupPage(int code, String language, String reference, Map<String, String> errorKinds,
            Duration retryAfter) {
        Map<String, String> t = FormText.of(language);
        Map<String, String> error = words(t, errorKinds);
        String nonce = tokens.nonce();
        TemplateInstance page = lookup.data("lang", language)
                .data("t", t)
                .data("other", other(language))
                .data("csrf", tokens.tokenFor(nonce))
                .data("reference", reference == null ? "" : reference)
                .data("error", error)
                .data("errors", errors(errorKinds, error));
        return respond(Response.status(code).entity(page), nonce, retryAfter);
    }

    private Response statusPage(int code, String language, Contact tip, String followUpCode,
            Map<String, String> errorKinds, boolean added) {
        Map<String, String> t = FormText.of(language);
        Map<String, String> error = words(t, errorKinds);
        Locale locale = Locale.forLanguageTag(language);
        List<ReplyLine> lines = replies.forReporter(tip).stream()
                .map(reply -> new ReplyLine(format(reply.createdAt(), locale), reply.text()))
                .toList();
        String nonce = tokens.nonce();
        TemplateInstance page = status.data("lang", language)
                .data("t", t)
                .data("other", other(language))
                .data("csrf", tokens.tokenFor(nonce))
                .data("reference", tip.reference())
                .data("code", followUpCode)
                .data("receivedAt", format(tip.receivedAt(), locale))
                .data("state", t.getOrDefault("state." + tip.status().name(), tip.status().name()))
                .data("replies", lines)
                .data("added", added)
                .data("error", error)
                .data("errors", errors(errorKinds, error));
        return respond(Response.status(code).entity(page), nonce, null);
    }

    private static Response respond(Response.ResponseBuilder response, String nonce, Duration retryAfter) {
        response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .cookie(new NewCookie.Builder(FormTokens.COOKIE).value(nonce).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build());
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return response.build();
    }

    private static Map<String, String> missingFields(String reference, String code) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (reference == null || reference.length() > 40) {
            missing.put("reference", "invalid");
        }
        if (code == null) {
            missing.put("code", "invalid");
        }
        return missing;
    }

    /** References are printed in capitals; a reporter may type them in any case and with spaces around. */
    private static String normalizedReference(String reference) {
        return reference == null ? null : reference.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Map<String, String> words(Map<String, String> t, Map<String, String> errorKinds) {
        Map<String, String> words = new LinkedHashMap<>();
        errorKinds.forEach((field, kind) -> words.put(field,
                t.getOrDefault("error." + field + "." + kind, t.get("error." + kind))));
        return words;
    }

    private static List<TipFormResource.FieldError> errors(Map<String, String> errorKinds, Map<String, String> words) {
        return errorKinds.keySet().stream().map(f -> new TipFormResource.FieldError(f, words.get(f))).toList();
    }

    private static String other(String language) {
        return language.equals("en") ? "es" : "en";
    }

    private static String format(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZone(EASTERN));
    }

    /** A staff reply as the page shows it. */
    public record ReplyLine(String at, String text) {

        @Override
        public String toString() {
            return "ReplyLine[at=" + at + ", text=[redacted]]";
        }
    }
}
