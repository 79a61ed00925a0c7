package org.hotline.intake.form;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
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
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.FollowUpCodes;
import org.hotline.platform.rest.ClientAddress;
import org.hotline.intake.service.SubmissionLimiter;
import org.hotline.intake.service.TipIntake;

/**
 * The public tip form at {@code /}: plain HTML that works without JavaScript, in English and Spanish, with errors tied
 * to their fields, safety advice, a quick-exit link, an anti-forgery token and a per-client submission limit. After
 * submission it shows the reference, the follow-up code and the promised reply date. Each rendering carries its own
 * submission key, so posting the same rendering twice (a double click, a reload) files one tip, and the same browser
 * is shown the same follow-up code again.
 */
@PermitAll
@Path("/")
@Tag(name = "Tip form", description = "The public web form (HTML)")
public class TipFormResource {

    private final TipIntake intake;
    private final Validator validator;
    private final FormTokens tokens;
    private final SubmissionLimiter limiter;
    private final ReplyPromise promise;
    private final FollowUpCodes codes;
    private final Template form;
    private final Template receipt;

    public TipFormResource(TipIntake intake, Validator validator, FormTokens tokens, SubmissionLimiter limiter,
            ReplyPromise promise, FollowUpCodes codes, @Location("TipFormResource/form.html") Template form,
            @Location("TipFormResource/receipt.html") Template receipt) {
        this.intake = intake;
        this.codes = codes;
        this.validator = validator;
        this.tokens = tokens;
        this.limiter = limiter;
        this.promise = promise;
        this.form = form;
        this.receipt = receipt;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The tip form", description = "?lang=en or es; otherwise the browser's preference")
    public Response show(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        String language = FormText.choose(lang, acceptLanguage);
        return page(200, language, null, Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Submit the tip form")
    public Response submit(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
            @CookieParam(FormTokens.COOKIE) String nonce, MultivaluedMap<String, String> values,
            HttpServerRequest request) {
        String language = FormText.choose(lang, acceptLanguage);
        TipForm tip = TipForm.read(values, validator);
        if (!tokens.valid(nonce, tip.first("csrf"))) {
            return page(403, language, tip, Map.of("form", "expired"), null);
        }
        Optional<Duration> wait = limiter.acquire(ClientAddress.of(request));
        if (wait.isPresent()) {
            return page(429, language, tip, Map.of("form", "tooMany"), wait.get());
        }
        if (!tip.valid()) {
            return page(400, language, tip, tip.errors(), null);
        }
        // The same rendering posted again with the same content is a repeat; with other content (e.g. brought back
        // from the browser's history and changed) it is another tip. A form rendered before submission keys existed
        // posts none: it is filed without one.
        String submissionKey = tip.first("submission");
        String key = FormTokens.wellFormedSubmissionKey(submissionKey)
                ? "form:" + submissionKey + ":" + tip.contentDigest() : null;
        TipIntake.Accepted accepted = key != null ? intake.submit(tip.submission(), key, codes.issueFor(key, nonce))
                : intake.submit(tip.submission(), null);
        Map<String, String> t = FormText.of(language);
        TemplateInstance page = receipt.data("lang", language)
                .data("t", t)
                .data("reference", accepted.tip().reference())
                .data("followUpCode", accepted.followUpCode())
                .data("repeated", accepted.repeated())
                .data("anonymous", accepted.tip().anonymous())
                .data("replyBy", promise.replyBy(accepted.tip().receivedAt(), Locale.forLanguageTag(language))
                        .orElse(null));
        // The receipt shows the follow-up code: never kept in a cache.
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    private Response page(int status, String language, TipForm tip, Map<String, String> errorKinds,
            Duration retryAfter) {
        Map<String, String> t = FormText.of(language);
        Map<String, String> error = new HashMap<>();
        errorKinds.forEach((field, kind) -> error.put(field,
                t.getOrDefault("error." + field + "." + kind, t.get("error." + kind))));
        String nonce = tokens.nonce();
        TemplateInstance page = form.data("lang", language)
                .data("t", t)
                .data("other", language.equals("en") ? "es" : "en")
                .data("csrf", tokens.tokenFor(nonce))
                .data("submission", tip != null && FormTokens.wellFormedSubmissionKey(tip.first("submission"))
                        ? tip.first("submission") : tokens.submissionKey())
                .data("error", error)
                .data("errors", errorKinds.keySet().stream().map(f -> new FieldError(f, error.get(f))).toList())
                .data("v", tip == null ? Map.of() : filledIn(tip))
                .data("anonymous", tip == null || !"false".equals(tip.first("anonymous")))
                .data("consent", tip != null && "on".equals(tip.first("consent")))
                .data("traffickingTypes", options(TraffickingType.values(), "trafficking.", t,
                        tip == null ? List.of() : tip.all("traffickingType")))
                .data("typologies", options(Typology.values(), "typology.", t,
                        tip == null ? List.of() : tip.all("typology")))
                .data("indicators", options(Indicator.values(), "indicator.", t,
                        tip == null ? List.of() : tip.all("indicators")))
                .data("needs", options(Need.values(), "need.", t, tip == null ? List.of() : tip.all("needs")));
        Response.ResponseBuilder response = Response.status(status).entity(page)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                // A form sent back with its errors holds what was typed in: never kept in a cache.
                .header("Cache-Control", "no-store")
                .cookie(new NewCookie.Builder(FormTokens.COOKIE).value(nonce).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build());
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return response.build();
    }

    private static Map<String, String> filledIn(TipForm tip) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("description", "city", "state", "postalCode", "name", "phone", "email")) {
            String value = tip.first(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }

    private static List<Option> options(Enum<?>[] values, String prefix, Map<String, String> t, List<String> chosen) {
        return Arrays.stream(values)
                .map(v -> new Option(v.name(), t.getOrDefault(prefix + v.name(), v.name()), chosen.contains(v.name())))
                .toList();
    }

    /** A choice on the form. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One line of the error summary, linking to its field. */
    public record FieldError(String field, String message) {
    }
}
