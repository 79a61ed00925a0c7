package org.hotline.directory.repository;

import org.hotline.contracts.vocabulary.Need;

/**
 * Which organisations a listing returns: those with at least one service that matches every given criterion. A
 * {@code null} criterion is not applied.
 *
 * @param need  the service covers this need
 * @param state the service's area covers this state: it is national, lists the state, or lists a county of it
 */
public record OrganizationFilter(Need need, String state) {

    public static final OrganizationFilter NONE = new OrganizationFilter(null, null);
}
