package org.hotline.intake.rest;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.intake.Contact;
import org.hotline.intake.ContactStatus;
import org.hotline.intake.config.ContactListConfig;
import org.hotline.intake.service.ContactFilter;
import org.hotline.intake.service.ContactList;
import org.hotline.intake.service.ContactSummary;
import org.hotline.intake.service.ContactClosure;
import org.hotline.intake.service.ContactOverview;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.rest.ResultPage;
import org.hotline.intake.service.RoutingWatch;
import org.hotline.platform.security.Roles;

@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactOverview overview;
    private final ContactClosure closure;
    private final ContactList list;
    private final ZoneId zone;
    private final RoutingWatch routing;

    public ContactResource(ContactOverview overview, ContactClosure closure, ContactList list,
            ContactListConfig listConfig, RoutingWatch routing) {
        this.overview = overview;
        this.closure = closure;
        this.list = list;
        this.zone = listConfig.zone();
        this.routing = routing;
    }

    @GET
    @Path("/unrouted")
    @Operation(summary = "How many contacts accepted over a minute ago have no routing decision",
            description = "Followup's dashboard shows it as \"N contacts could not be routed\". No personal data.")
    public RoutingWatch.Unrouted unrouted() {
        return routing.unrouted();
    }

    @GET
    @Operation(summary = "Find contacts, newest first", description = "Every filter is optional; items carry no "
            + "personal data (open a contact for that). urgency is null until routing has decided; hasOpenFollowUp "
            + "is true while the contact's follow-up is open. receivedFrom and receivedTo take an ISO-8601 date (a "
            + "whole day in the hotline's zone, hotline.intake.contacts.zone) or a date-time with offset; both ends "
            + "are included.")
    public ResultPage<ContactListItem> find(
            @Parameter(description = "The start of a reference, e.g. TIP-7K") @QueryParam("reference") String reference,
            @Parameter(schema = @Schema(enumeration = {"RECEIVED", "CLOSED"})) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = CallType.class)) @QueryParam("callType") String callType,
            @Parameter(schema = @Schema(implementation = Urgency.class)) @QueryParam("urgency") String urgency,
            @Parameter(description = "Two-letter state code of the location") @QueryParam("state") String state,
            @Parameter(description = "Received on or after: 2026-12-02 or 2026-12-02T09:00:00-05:00")
            @QueryParam("receivedFrom") String receivedFrom,
            @Parameter(description = "Received on or before: 2026-12-02 or 2026-12-02T19:00:00-05:00")
            @QueryParam("receivedTo") String receivedTo,
            @Parameter(schema = @Schema(enumeration = {"true", "false"})) @QueryParam("hasOpenFollowUp")
            String hasOpenFollowUp,
            @BeanParam PageParameters paging) {
        QueryParameters params = new QueryParameters();
        ContactListParameters contactParams = new ContactListParameters(params, zone);
        Instant from = contactParams.from("receivedFrom", receivedFrom);
        Instant before = contactParams.before("receivedTo", receivedTo);
        contactParams.checkRange("receivedTo", from, before);
        ContactFilter filter = new ContactFilter(contactParams.referencePrefix("reference", reference),
                params.enumValue("status", status, ContactStatus.class).orElse(null),
                params.enumValue("callType", callType, CallType.class).orElse(null),
                params.enumValue("urgency", urgency, Urgency.class).orElse(null),
                contactParams.state("state", state), from, before,
                params.bool("hasOpenFollowUp", hasOpenFollowUp).orElse(null));
        PageRequest page = params.page(paging);
        params.throwIfInvalid();
        ResultPage<ContactSummary> found = list.find(filter, page.page(), page.size());
        return ResultPage.of(found.items().stream().map(ContactListItem::of).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "A contact by its reference, with its routing decision and follow-up",
            description = "Shows personal data: every read is recorded in the audit trail.")
    public ContactView get(@PathParam("reference") String reference) {
        return ContactView.of(overview.of(reference));
    }

    @POST
    @Path("/{reference}/closure")
    @Operation(summary = "Close a contact", description = "Nothing more is owed on it. Its personal data is shredded "
            + "when the retention period (hotline.intake.retention.closed-contacts) has passed. Closing twice keeps "
            + "the first closure.")
    public Closed close(@PathParam("reference") String reference) {
        Contact contact = closure.close(reference);
        return new Closed(contact.reference(), contact.status().name(), contact.closedAt());
    }

    /** Answer to a closure. */
    public record Closed(String reference, String status, Instant closedAt) {
    }
}
