package org.hotline.console.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.console.client.Statistics;
import org.hotline.console.client.StatisticsApi;
import org.hotline.console.service.ServiceProblem;
import org.hotline.console.service.StaffUser;
import org.hotline.console.service.StatisticsCharts;
import org.hotline.console.service.StatisticsCharts.Chart;
import org.hotline.console.service.StatisticsCharts.MedianRow;

/**
 * The statistics page: followup-service's figures (suppressed there) for a range, a granularity and a state chosen
 * in a GET form, as server-rendered SVG bar charts, each with its data table, and the medians to first response.
 */
@Path("/statistics")
@RolesAllowed({StaffUser.AGENT, StaffUser.SUPERVISOR, StaffUser.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class StatisticsPage {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    /** The form's values as given (or their defaults), shown back in the form. */
    public record Filters(String from, String to, String granularity, String state) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statistics(Filters filters, Statistics report, List<Chart> charts,
                List<MedianRow> medians, ServiceProblem problem);
    }

    private final StatisticsApi statistics;

    @Inject
    public StatisticsPage(@RestClient StatisticsApi statistics) {
        this.statistics = statistics;
    }

    @GET
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @QueryParam("state") String state) {
        LocalDate today = LocalDate.now(EASTERN);
        Filters filters = new Filters(blank(from) ? today.minusDays(29).toString() : from,
                blank(to) ? today.toString() : to, blank(granularity) ? "day" : granularity,
                blank(state) ? "" : state.trim());
        try {
            Statistics report = statistics.get(filters.from(), filters.to(), filters.granularity(),
                    filters.state().isEmpty() ? null : filters.state());
            return Templates.statistics(filters, report, StatisticsCharts.charts(report),
                    StatisticsCharts.medians(report), null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            return Templates.statistics(filters, null, List.of(), List.of(), ServiceProblem.of(e));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
