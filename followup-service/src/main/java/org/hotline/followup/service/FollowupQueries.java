package org.hotline.followup.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;
import org.hotline.followup.repository.FollowupRepository;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.ResultPage;

/** Reads of the follow-ups for the API and the dashboard (changes go through the services that publish them). */
@ApplicationScoped
public class FollowupQueries {

    private final FollowupRepository followups;

    public FollowupQueries(FollowupRepository followups) {
        this.followups = followups;
    }

    /** In deadline order (target first), each shown by {@code view} as of {@code now}. */
    @Transactional
    public <T> ResultPage<T> search(Optional<FollowupStatus> status, Optional<Boolean> breached, Instant now,
            PageRequest page, Function<Followup, T> view) {
        PanacheQuery<Followup> query = followups.search(status, breached, now);
        List<T> items = query.page(Page.of(page.page(), page.size())).list().stream()
                .map(view).toList();
        return ResultPage.of(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public Optional<Followup> byReference(String reference) {
        return followups.findByReference(reference);
    }

    /** The open follow-ups nearest their deadlines as of {@code asOf}. */
    @Transactional
    public List<Followup> mostUrgentOpen(Instant asOf, int limit) {
        return followups.mostUrgentOpen(asOf, limit);
    }
}
