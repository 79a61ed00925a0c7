package org.hotline.intake.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.contracts.vocabulary.CaseCloseReason;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.CaseFile;
import org.hotline.intake.config.ContactListConfig;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.intake.service.CaseNotes;
import org.hotline.intake.service.CaseReading;
import org.hotline.intake.service.CaseWork;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.rest.ResultPage;
import org.hotline.platform.security.Roles;

/**
 * Cases for staff: agents and supervisors open, link, unlink, assign and annotate; merging and closing, which end a
 * case, are for supervisors. Answers carry no personal data but the notes, which are audited.
 */
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Signals about one situation linked into a case")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseWork work;
    private final CaseReading reading;
    private final CaseNotes notes;
    private final ContactListConfig listConfig;

    public CaseResource(CaseWork work, CaseReading reading, CaseNotes notes, ContactListConfig listConfig) {
        this.work = work;
        this.reading = reading;
        this.notes = notes;
        this.listConfig = listConfig;
    }

    /** Body of {@code POST /api/v1/cases}. */
    public record NewCase(@NotBlank @Size(max = 40) String signalReference, Typology typology,
            @Min(0) @Max(100_000) Integer victims, @Min(0) @Max(100_000) Integer minors,
            @Size(max = 200) String assignee) {
    }

    /** Body of {@code PATCH /api/v1/cases/{reference}}: absent fields stay as they are. */
    public record CaseChanges(CaseStatus status, Typology typology, @Min(0) @Max(100_000) Integer victims,
            @Min(0) @Max(100_000) Integer minors) {
    }

    public record SignalLink(@NotBlank @Size(max = 40) String signalReference) {
    }

    public record Assignment(@Size(max = 200) String assignee) {
    }

    public record Closure(@NotNull CaseCloseReason reason) {
    }

    public record Merge(@NotBlank @Pattern(regexp = "CASE-[0-9A-Z]{10}", message = "must be a case reference")
            String caseReference) {
    }

    public record NewNote(@NotBlank @Size(max = 20_000) String text) {

        @Override
        public String toString() {
            return "NewNote[redacted]";
        }
    }

    @POST
    @Operation(summary = "Open a case from a signal", description = "The signal (a call or a tip) becomes the case's "
            + "first; typology and place default to the signal's. 409 when the signal already belongs to a case.")
    public Response open(@Valid @NotNull NewCase body) {
        CaseFile c = work.open(new CaseWork.Opening(body.signalReference(), body.typology(), body.victims(),
                body.minors(), body.assignee()));
        return Response.created(URI.create("/api/v1/cases/" + c.reference())).entity(reading.of(c.reference()))
                .build();
    }

    @GET
    @Operation(summary = "Find cases, newest first", description = "Every filter optional; open=true means any "
            + "status but CLOSED. No personal data.")
    public ResultPage<CaseReading.Summary> find(
            @Parameter(schema = @Schema(implementation = CaseStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(enumeration = {"true", "false"})) @QueryParam("open") String open,
            @Parameter(description = "The assignee's subject") @QueryParam("assignee") String assignee,
            @Parameter(schema = @Schema(implementation = Typology.class)) @QueryParam("typology") String typology,
            @Parameter(description = "Two-letter state code") @QueryParam("state") String state,
            @BeanParam PageParameters paging) {
        QueryParameters params = new QueryParameters();
        ContactListParameters contactParams = new ContactListParameters(params, listConfig.zone());
        CaseRepository.Filter filter = new CaseRepository.Filter(
                params.enumValue("status", status, CaseStatus.class).orElse(null),
                params.bool("open", open).orElse(null), params.text("assignee", assignee, 200).orElse(null),
                params.enumValue("typology", typology, Typology.class).orElse(null),
                contactParams.state("state", state));
        PageRequest page = params.page(paging);
        params.throwIfInvalid();
        return reading.find(filter, page.page(), page.size());
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "A case with its signals, referrals and their outcomes, and its history")
    public CaseReading.Detail get(@PathParam("reference") String reference) {
        return reading.of(reference);
    }

    @PATCH
    @Operation(summary = "Change a case's status (OPEN, MONITORING, REFERRED), typology or victim counts",
            description = "Minors are counted among the victims. Close a case with POST …/closure.")
    @Path("/{reference}")
    public CaseReading.Detail change(@PathParam("reference") String reference, @Valid @NotNull CaseChanges body) {
        work.change(reference, new CaseWork.Changes(body.status(), body.typology(), body.victims(), body.minors()));
        return reading.of(reference);
    }

    @POST
    @Path("/{reference}/signals")
    @Operation(summary = "Link a signal to the case", description = "409 when it belongs to another case.")
    public CaseReading.Detail link(@PathParam("reference") String reference, @Valid @NotNull SignalLink body) {
        work.link(reference, body.signalReference());
        return reading.of(reference);
    }

    @DELETE
    @Path("/{reference}/signals/{signalReference}")
    @Operation(summary = "Unlink a signal from the case", description = "A case keeps at least one signal (409).")
    public CaseReading.Detail unlink(@PathParam("reference") String reference,
            @PathParam("signalReference") String signalReference) {
        work.unlink(reference, signalReference);
        return reading.of(reference);
    }

    @PUT
    @Path("/{reference}/assignee")
    @Operation(summary = "Assign the case to a staff member (their subject); an empty assignee unassigns it")
    public CaseReading.Detail assign(@PathParam("reference") String reference, @Valid @NotNull Assignment body) {
        work.assign(reference, body.assignee());
        return reading.of(reference);
    }

    @POST
    @Path("/{reference}/closure")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Close the case with a reason (supervisors)", description = "MERGED is set only by a merge.")
    public CaseReading.Detail close(@PathParam("reference") String reference, @Valid @NotNull Closure body) {
        work.close(reference, body.reason());
        return reading.of(reference);
    }

    @POST
    @Path("/{reference}/merges")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Merge another case into this one (supervisors)", description = "Every signal of the other "
            + "case moves here; the other case is closed with reason MERGED pointing at this one. Both histories "
            + "keep the merge.")
    public CaseReading.Detail merge(@PathParam("reference") String reference, @Valid @NotNull Merge body) {
        work.merge(reference, body.caseReference());
        return reading.of(reference);
    }

    @POST
    @Path("/{reference}/notes")
    @Operation(summary = "Add a staff note to the case", description = "Sealed, append-only, audited. Answers 201.")
    public Response addNote(@PathParam("reference") String reference, @Valid @NotNull NewNote note) {
        return Response.created(URI.create("/api/v1/cases/" + reference + "/notes"))
                .entity(notes.add(reference, note.text())).build();
    }

    @GET
    @Path("/{reference}/notes")
    @Operation(summary = "The staff notes on the case, oldest first", description = "Every read is audited.")
    public List<CaseNotes.Opened> notes(@PathParam("reference") String reference) {
        return notes.of(reference);
    }
}
