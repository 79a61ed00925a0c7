package org.hotline.followup.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import org.hotline.followup.CalendarClosure;

@ApplicationScoped
public class ClosureRepository implements PanacheRepositoryBase<CalendarClosure, UUID> {

    /** Every closure, earliest first. */
    public List<CalendarClosure> allInOrder() {
        return listAll(Sort.by("start").and("id"));
    }
}
