package org.hotline.routing.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.routing.Decision;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<Decision, UUID> {

    public Optional<Decision> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
