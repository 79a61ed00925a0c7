package org.hotline.routing;

import java.util.List;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Need;

/**
 * Where referral candidates come from: today an in-memory snapshot of the read model, later an index, so the
 * selector never depends on how the directory is stored.
 */
public interface CandidateSource {

    /** Whether the directory read model holds no organisation at all. */
    boolean isEmpty();

    /** Organisations with at least one service covering {@code need} (the selector checks everything else). */
    List<OrganizationUpserted> offering(Need need);
}
