package org.hotline.console.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.hotline.console.service.StaffUser;

/** The start page (what this person can do here), sign-out, and the page after it. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance signedOut();
    }

    private final StaffUser user;

    @Inject
    public HomePage(StaffUser user) {
        this.user = user;
    }

    @GET
    @Authenticated
    public Object home() {
        // A partner has one page; everyone else chooses.
        if (user.partner() && !user.staff() && !user.admin()) {
            return Response.seeOther(URI.create("/inbox")).build();
        }
        return Templates.home();
    }

    /**
     * Sign-out is a form post (CSRF-checked) so another site cannot sign someone out; it hands over to quarkus-oidc's
     * logout path, which ends the session at Keycloak too (RP-initiated logout) and clears the session cookie.
     */
    @POST
    @Path("sign-out")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return Response.seeOther(URI.create("/logout")).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
