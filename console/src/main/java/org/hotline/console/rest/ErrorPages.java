package org.hotline.console.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Pages for what went wrong, in the console's layout: a page this person's role may not open (403), a service that
 * refused or failed (its status, never its body or the request), a service that could not be reached (503). Their
 * page has no forms (an error can happen before the CSRF filter has given the request a token).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String heading, String explanation);
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return page(403, "Not for your role",
                "Your account's role does not open this page. Use the menu above for the pages that are yours.");
    }

    @ServerExceptionMapper(jakarta.ws.rs.ForbiddenException.class)
    public Response forbiddenHere() {
        return forbidden();
    }

    @ServerExceptionMapper(jakarta.ws.rs.NotFoundException.class)
    public Response notFound() {
        return page(404, "Not found", "There is nothing at this address.");
    }

    @ServerExceptionMapper(ClientWebApplicationException.class)
    public Response serviceRefused(ClientWebApplicationException e) {
        int status = e.getResponse().getStatus();
        LOG.warnf("A service answered %d to the console (%s)", status, e.getClass().getSimpleName());
        if (status == 403) {
            return page(403, "Not for your role", "The service refused this for your account's role.");
        }
        if (status == 404) {
            return notFound();
        }
        return page(502, "A service could not answer",
                "A Hotline service answered with an error (" + status + "). Try again in a moment; if it goes on, "
                        + "tell the on-call engineer.");
    }

    @ServerExceptionMapper(ProcessingException.class)
    public Response serviceUnreachable(ProcessingException e) {
        LOG.warnf("A service could not be reached (%s)", e.getClass().getSimpleName());
        return page(503, "A service is not reachable",
                "A Hotline service could not be reached. Try again in a moment. If a caller is in danger, tell them "
                        + "to dial 911.");
    }

    static Response page(int status, String heading, String explanation) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, heading, explanation)).build();
    }

}
