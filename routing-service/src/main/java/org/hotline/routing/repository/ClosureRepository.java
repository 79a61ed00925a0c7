package org.hotline.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.routing.CalendarClosure;

@ApplicationScoped
public class ClosureRepository implements PanacheRepositoryBase<CalendarClosure, UUID> {

    public List<CalendarClosure> allInOrder() {
        return list("order by start, id");
    }
}
