package org.hotline.followup.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.followup.repository.StatisticsPublicationRepository;
import org.hotline.followup.repository.StatisticsPublicationRepository.Publication;
import org.hotline.followup.service.StatisticsQuery.Publishable;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Publishing a period's statistics: the figures as they are now, suppressed for publication (every state and all
 * of them together), frozen in {@code statistics_publication}. The public reads only these. Publications may not
 * overlap: two overlapping tables would let a reader subtract one from the other.
 */
@ApplicationScoped
public class StatisticsPublisher {

    private final StatisticsQuery query;
    private final StatisticsPublicationRepository publications;
    private final ObjectMapper json;
    private final Clock clock;

    public StatisticsPublisher(StatisticsQuery query, StatisticsPublicationRepository publications, ObjectMapper json,
            Clock clock) {
        this.query = query;
        this.publications = publications;
        this.json = json;
        this.clock = clock;
    }

    /** A publication with its figures read back. */
    public record Published(Publication publication, Publishable figures) {
    }

    @Transactional
    public Published publish(String title, LocalDate from, LocalDate to, String granularity, String publishedBy) {
        publications.lock();
        Publishable figures = query.publishable(from, to, granularity);
        if (publications.overlaps(figures.national().from(), figures.national().to())) {
            throw new ProblemException(409, "publication-overlaps", "Publication overlaps another",
                    "A published period already covers some of these days; withdraw it first or publish another "
                            + "period", List.of(new Problem.Violation("from", "overlaps a published period")));
        }
        Publication publication = new Publication(UUID.randomUUID(), title, figures.national().from(),
                figures.national().to(), granularity, query.threshold(), clock.instant(), write(figures));
        publications.insert(publication, publishedBy);
        return new Published(publication, figures);
    }

    @Transactional
    public List<Publication> list() {
        return publications.list();
    }

    @Transactional
    public Optional<Published> find(UUID id) {
        return publications.find(id).map(p -> new Published(p, read(p.figures())));
    }

    @Transactional
    public boolean withdraw(UUID id) {
        return publications.delete(id);
    }

    private String write(Publishable figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Publication figures could not be written", e);
        }
    }

    private Publishable read(String figures) {
        try {
            return json.readValue(figures, Publishable.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Publication figures could not be read", e);
        }
    }
}
