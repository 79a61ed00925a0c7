package org.hotline.followup.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.hotline.followup.StatisticsFigure;
import org.hotline.followup.repository.StatisticsPublicationRepository.Publication;
import org.hotline.followup.service.StatisticsPublisher;
import org.hotline.followup.service.StatisticsPublisher.Published;
import org.hotline.followup.service.StatisticsReport.Period;

/**
 * The public page of published statistics (server-rendered, no script): the list of publications and each one's
 * tables. It shows only published figures, which were suppressed when they were published.
 */
@Path("/statistics")
@PermitAll
public class PublicStatisticsPage {

    /** Headings of the figures, in English. */
    static final Map<String, String> HEADINGS = Map.of(
            StatisticsFigure.CONTACTS_BY_CALL_TYPE.key(), "Contacts by call type",
            StatisticsFigure.CONTACTS_BY_CALLER_TYPE.key(), "Contacts by caller type",
            StatisticsFigure.CONTACTS_BY_CHANNEL.key(), "Contacts by channel",
            StatisticsFigure.CONTACTS_BY_URGENCY.key(), "Contacts by urgency",
            StatisticsFigure.TIPS_BY_TRAFFICKING_TYPE.key(), "Tips by trafficking type",
            StatisticsFigure.REFERRALS_ISSUED_BY_NEED.key(), "Referrals issued by need",
            StatisticsFigure.REFERRALS_ACKNOWLEDGED_BY_NEED.key(), "Referrals acknowledged by need",
            StatisticsFigure.REFERRALS_ESCALATED_BY_NEED.key(), "Referrals escalated by need",
            StatisticsFigure.FOLLOWUPS.key(), "Follow-ups");

    private final StatisticsPublisher publisher;

    public PublicStatisticsPage(StatisticsPublisher publisher) {
        this.publisher = publisher;
    }

    /** One table of the page: a figure in one period for one area. */
    public record Table(String id, String heading, List<org.hotline.followup.service.StatisticsReport.Cell> cells) {
    }

    /** One period of one area. */
    public record Section(String area, String start, String end, String median, List<Table> tables) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Publication> publications);

        static native TemplateInstance publication(Publication publication, List<Section> sections);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(publisher.list());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance publication(@PathParam("id") String id) {
        Published published = publisher.find(StatisticsPublicationResource.uuid(id))
                .orElseThrow(StatisticsPublicationResource::notFound);
        List<Section> sections = new java.util.ArrayList<>();
        sections.addAll(sections("All states", "all", published.figures().national().periods()));
        published.figures().states().forEach((state, periods) -> sections.addAll(sections(state, state, periods)));
        return Templates.publication(published.publication(), sections);
    }

    private static List<Section> sections(String area, String slug, List<Period> periods) {
        return periods.stream().map(p -> new Section(area, p.start().toString(), p.end().toString(),
                p.firstResponse().display(),
                p.figures().entrySet().stream().map(f -> new Table(slug + "-" + p.start() + "-" + f.getKey(),
                        HEADINGS.getOrDefault(f.getKey(), f.getKey()), f.getValue())).toList())).toList();
    }
}
