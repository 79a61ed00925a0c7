package org.hotline.console.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.Backlog;
import org.hotline.console.client.Followup;
import org.hotline.console.client.FollowupApi;
import org.hotline.console.client.ResultPage;
import org.hotline.console.service.StaffUser;

/**
 * followup-service's operations dashboard inside the console, for signed-in supervisors: the same backlog figures and
 * most pressing open follow-ups, read with the person's token (followup's own {@code /dashboard} stays for API-style
 * clients). The contact links open the console's contact page.
 */
@Path("/backlog")
@RolesAllowed(StaffUser.SUPERVISOR)
@Produces(MediaType.TEXT_HTML)
public class BacklogPage {

    private static final int REFRESH_SECONDS = 30;
    private static final int MOST_PRESSING = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance backlog(Backlog backlog, ResultPage<Followup> pressing, int refreshSeconds);
    }

    private final FollowupApi followups;

    @Inject
    public BacklogPage(@RestClient FollowupApi followups) {
        this.followups = followups;
    }

    @GET
    public TemplateInstance backlog() {
        return Templates.backlog(followups.backlog(), followups.list("OPEN", 0, MOST_PRESSING), REFRESH_SECONDS);
    }
}
