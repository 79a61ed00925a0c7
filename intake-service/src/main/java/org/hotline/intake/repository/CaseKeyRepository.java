package org.hotline.intake.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.intake.CaseKey;

@ApplicationScoped
public class CaseKeyRepository implements PanacheRepositoryBase<CaseKey, UUID> {
}
