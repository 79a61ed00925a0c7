package org.hotline.console.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.CallReceipt;
import org.hotline.console.client.Decision;
import org.hotline.console.client.IntakeApi;
import org.hotline.console.config.ConsoleConfig;
import org.hotline.console.service.DecisionWait;
import org.hotline.console.service.NumberToGive;
import org.hotline.console.service.NumbersToGive;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Log a call: the form in the order an agent asks the questions, then the routing decision as soon as routing has
 * it — 911 advice first, then the numbers to give with whether each is open now in its own zone.
 */
@Path("/calls")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR})
@Produces(MediaType.TEXT_HTML)
public class CallPages {

    /** A contact reference as intake issues them; anything else never reaches a service or a page. */
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{4,40}");
    private static final int REFRESH_SECONDS = 2;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(CallForm form, List<String> errors, List<CallType> callTypes,
                List<CallerType> callerTypes, List<Channel> channels, List<Indicator> indicators, List<Need> needs,
                List<AgeBand> ageBands);

        static native TemplateInstance decision(String reference, Decision decision, List<NumberToGive> numbers,
                boolean deciding, boolean late, int refreshSeconds, int nextLook);
    }

    private final IntakeApi intake;
    private final DecisionWait decisions;
    private final NumbersToGive numbers;
    private final ConsoleConfig config;

    @Inject
    public CallPages(@RestClient IntakeApi intake, DecisionWait decisions, NumbersToGive numbers,
            ConsoleConfig config) {
        this.intake = intake;
        this.decisions = decisions;
        this.numbers = numbers;
        this.config = config;
    }

    @GET
    @Path("/new")
    public TemplateInstance newCall() {
        return form(CallForm.empty(), List.of());
    }

    @POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@RestForm String callType, @RestForm String callerType, @RestForm String channel,
            @RestForm String receivedAt, @RestForm List<String> indicators, @RestForm List<String> needs,
            @RestForm String city, @RestForm String state, @RestForm String postalCode, @RestForm String language,
            @RestForm boolean consentToLawEnforcement, @RestForm boolean requestedUrgent, @RestForm String summary,
            @RestForm boolean followUpRequested, @RestForm String callbackName, @RestForm String callbackPhone,
            @RestForm String callbackEmail, @RestForm boolean permissionToCallBack, @RestForm String ageBand,
            @RestForm boolean consentToShareWithPartners) {
        CallForm form = new CallForm(callType, callerType, channel, receivedAt, indicators, needs, city, state,
                postalCode, language, consentToLawEnforcement, requestedUrgent, summary, followUpRequested,
                callbackName, callbackPhone, callbackEmail, permissionToCallBack, ageBand,
                consentToShareWithPartners);
        CallForm.Result result = form.toRequest();
        if (!result.errors().isEmpty()) {
            return Response.status(422).entity(form(form, result.errors())).build();
        }
        CallReceipt receipt;
        try {
            receipt = intake.logCall(result.request());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            if (problem.status() >= 500) {
                throw e;
            }
            List<String> errors = new java.util.ArrayList<>();
            errors.add(problem.title());
            errors.addAll(problem.fields());
            return Response.status(422).entity(form(form, errors)).build();
        }
        // Post/redirect/get: a reload of the decision page never logs the call twice.
        return Response.seeOther(URI.create("/calls/" + receipt.reference())).build();
    }

    @GET
    @Path("/{reference}")
    public TemplateInstance decision(@PathParam("reference") String reference, @QueryParam("look") Integer look) {
        if (!REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
        int looks = look == null || look < 0 ? 0 : Math.min(look, 10_000);
        Optional<Decision> decision = decisions.await(reference);
        if (decision.isEmpty()) {
            long waitedSeconds = config.decisionWait().toSeconds() * (looks + 1L) + (long) REFRESH_SECONDS * looks;
            boolean late = waitedSeconds >= config.decisionLate().toSeconds();
            return Templates.decision(reference, null, List.of(), true, late, REFRESH_SECONDS, looks + 1);
        }
        return Templates.decision(reference, decision.get(), numbers.of(decision.get()), false, false,
                REFRESH_SECONDS, 0);
    }

    private static TemplateInstance form(CallForm form, List<String> errors) {
        return Templates.form(form, errors, List.of(CallType.values()), List.of(CallerType.values()),
                CallForm.CHANNELS, List.of(Indicator.values()), List.of(Need.values()), List.of(AgeBand.values()));
    }
}
