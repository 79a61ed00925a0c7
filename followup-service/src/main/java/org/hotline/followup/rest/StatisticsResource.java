package org.hotline.followup.rest;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.service.StatisticsQuery;
import org.hotline.followup.service.StatisticsReport;
import org.hotline.platform.security.Roles;

/** Staff statistics, small counts suppressed: JSON, or CSV (by {@code Accept: text/csv} or the {@code .csv} path). */
@Path("/api/v1")
@Tag(name = "Statistics", description = "Contacts, referrals and follow-ups counted per period and state")
public class StatisticsResource {

    static final String CSV = "text/csv";

    private final StatisticsQuery query;
    private final Clock clock;
    private final ZoneId zone;

    public StatisticsResource(StatisticsQuery query, SlaCalculator sla, Clock clock) {
        this.query = query;
        this.clock = clock;
        this.zone = sla.calendar().zone();
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Figures per day, week or month, for one state or all; small counts suppressed")
    public StatisticsReport statistics(
            @Parameter(description = "First day (ISO date, business calendar's zone); default 29 days before to")
            @QueryParam("from") String from,
            @Parameter(description = "Last day (inclusive); default today") @QueryParam("to") String to,
            @Parameter(schema = @Schema(enumeration = {"day", "week", "month"}))
            @QueryParam("granularity") String granularity,
            @Parameter(description = "Two-letter state code, or UNKNOWN; absent: every state together")
            @QueryParam("state") String state) {
        StatisticsRequest request = StatisticsRequest.read(from, to, granularity, state, clock, zone);
        return query.report(request.from(), request.to(), request.granularity(), request.state());
    }

    @GET
    @Path("statistics")
    @Produces(CSV)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The same figures as CSV")
    public Response statisticsCsvByAccept(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @QueryParam("state") String state) {
        return csv(statistics(from, to, granularity, state));
    }

    @GET
    @Path("statistics.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The same figures as CSV, as a download")
    public Response statisticsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @QueryParam("state") String state) {
        return csv(statistics(from, to, granularity, state));
    }

    private static Response csv(StatisticsReport report) {
        StringBuilder csv = new StringBuilder(StatisticsCsv.header());
        StatisticsCsv.append(csv, report.state() == null ? "ALL" : report.state(), report.periods());
        return Response.ok(csv.toString(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + report.from() + "-"
                        + report.to() + ".csv\"")
                .build();
    }
}
