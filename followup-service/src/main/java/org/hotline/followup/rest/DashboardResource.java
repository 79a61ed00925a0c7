package org.hotline.followup.rest;

import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.config.FollowupConfig;
import org.hotline.followup.service.BacklogCache;
import org.hotline.followup.service.FollowupQueries;
import org.hotline.followup.service.FollowupBacklog;
import org.hotline.followup.service.UnroutedContacts;
import org.hotline.platform.security.Roles;

/**
 * The operations dashboard: the follow-up backlog at a glance and the most urgent open follow-ups, rendered on the
 * server (complete without JavaScript) and refreshed in the browser by {@code /dashboard.js}.
 */
@Path("/dashboard")
@Tag(name = "Dashboard", description = "The operations dashboard (HTML)")
public class DashboardResource {

    /** Rows in the urgent table. */
    static final int URGENT_ROWS = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView dashboard, RoutingStatus routing, int refreshSeconds,
                int barsX, int barMaxWidth);
    }

    /** How often the script refreshes the page's figures (the operations brief asks for 10 s). */
    static final int REFRESH_SECONDS = 10;

    private final BacklogCache backlog;
    private final FollowupQueries followups;
    private final ZoneId zone;
    private final String intakeUrl;
    private final UnroutedContacts unrouted;
    private final JsonWebToken token;

    public DashboardResource(BacklogCache backlog, FollowupQueries followups, SlaCalculator sla,
            FollowupConfig config, UnroutedContacts unrouted, JsonWebToken token) {
        this.backlog = backlog;
        this.followups = followups;
        this.zone = sla.calendar().zone();
        this.intakeUrl = config.intakeUrl();
        this.unrouted = unrouted;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The operations dashboard: open, at risk, breached, due soon, by age and call type, and the "
            + "most urgent open follow-ups, and how many contacts intake accepted over a minute ago have no routing "
            + "decision (\"N contacts could not be routed\")")
    public TemplateInstance dashboard() {
        // The whole page as of the summary's moment, so the urgent table's states agree with the counts.
        FollowupBacklog.Summary summary = backlog.current();
        DashboardView view = DashboardView.of(summary, followups.mostUrgentOpen(summary.asOf(), URGENT_ROWS),
                intakeUrl, zone);
        return Templates.dashboard(view, unrouted.status(token.getRawToken()), REFRESH_SECONDS,
                DashboardView.AgeChart.BARS_X, DashboardView.BAR_MAX_WIDTH);
    }
}
