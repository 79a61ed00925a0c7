package org.hotline.directory.hsds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.directory.rest.OrganizationRequest;
import org.hotline.platform.problem.Problem;

/**
 * One organisation of a dataset as the directory would store it, with what the mapping had to say.
 *
 * @param id               the directory's id, or null when the record has none usable (then it is refused)
 * @param request          the organisation as an API request, or null when unusable
 * @param serviceSourceIds the source's id of each service of {@code request}, in order
 * @param notes            what could not be mapped or was derived, which does not stop the import
 * @param problems         why the record is refused (empty when it can be imported)
 */
public record MappedOrganization(HsdsDataset.Entry entry, UUID id, OrganizationRequest request,
        List<String> serviceSourceIds, Instant updatedAt, List<Problem.Violation> notes,
        List<Problem.Violation> problems) {

    public boolean refused() {
        return !problems.isEmpty();
    }
}
