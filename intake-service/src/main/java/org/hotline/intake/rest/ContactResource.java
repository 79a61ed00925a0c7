package org.hotline.intake.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.Contact;
import org.hotline.intake.service.ContactClosure;
import org.hotline.intake.service.ContactOverview;
import org.hotline.intake.service.RoutingWatch;
import org.hotline.platform.security.Roles;

@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactOverview overview;
    private final ContactClosure closure;
    private final RoutingWatch routing;

    public ContactResource(ContactOverview overview, ContactClosure closure, RoutingWatch routing) {
        this.overview = overview;
        this.closure = closure;
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
