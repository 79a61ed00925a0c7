package org.hotline.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.outbox.OutboxRows;
import org.hotline.platform.outbox.OutboxRows.SetAsideRow;
import org.hotline.platform.outbox.OutboxSignal;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

/**
 * The outbox rows the relay set aside because the broker kept refusing them (their topic missing, writing denied,
 * the record too large), in every service: list them, and re-queue them once the cause is fixed.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin/outbox/set-aside")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final OutboxRows rows;
    private final OutboxSignal signal;

    public OutboxAdminResource(OutboxRows rows, OutboxSignal signal) {
        this.rows = rows;
        this.signal = signal;
    }

    @GET
    @Operation(summary = "Outbox rows set aside, oldest first",
            description = "Each with its topic, attempts, the reason the broker refused it (exception types, never the "
                    + "payload) and how many later rows of its topic and key wait behind it.")
    public ResultPage<SetAsideRow> list(@BeanParam PageParameters paging) {
        QueryParameters params = new QueryParameters();
        PageRequest page = params.page(paging);
        params.throwIfInvalid();
        return ResultPage.of(rows.setAside(page), page.page(), page.size(), rows.countSetAside());
    }

    @POST
    @Path("/{id}/requeue")
    @Operation(summary = "Put one set-aside row back in line, with the rows waiting behind it")
    public Requeued requeue(@PathParam("id") long id) {
        if (!rows.requeue(id)) {
            throw ProblemException.notFound("A set-aside outbox row with this id");
        }
        signal.wake();
        return new Requeued(1);
    }

    @POST
    @Path("/requeue")
    @Operation(summary = "Put every set-aside row back in line")
    public Requeued requeueAll() {
        int requeued = rows.requeueAll();
        if (requeued > 0) {
            signal.wake();
        }
        return new Requeued(requeued);
    }

    /** How many rows were put back in line. */
    public record Requeued(int requeued) {
    }
}
