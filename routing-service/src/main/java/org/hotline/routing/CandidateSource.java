package org.hotline.routing;

import java.util.List;

import org.hotline.contracts.vocabulary.Need;

/**
 * Where referral candidates come from, so the selector never depends on how the directory is stored: an immutable,
 * indexed {@link DirectorySnapshot} of the read model, or the configured 24-hour national lines while it is empty.
 */
public interface CandidateSource {

    /** Whether the source holds no organisation at all. */
    boolean isEmpty();

    /**
     * The organisations with a service that covers {@code need} and whose area covers {@code place} (by postal code,
     * county, state or nationally), each once, best placed first: by their most local such service (local, state,
     * national), then most recently verified, then name, then id. Services of theirs that cover the need elsewhere are
     * for the selector to pass over.
     */
    List<ListedOrganization> covering(Need need, Place place);

    /** How many organisations have a service covering {@code need}, wherever they work. */
    int offering(Need need);
}
