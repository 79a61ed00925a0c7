package org.hotline.directory.hsds;

import java.util.List;
import java.util.Map;

import org.hotline.platform.problem.Problem;

/**
 * An HSDS dataset as read, whatever its form: its organisations, each with its services, and each record named by
 * where it was in the dataset ({@code organizations[3]}, {@code services[12]}, {@code organizations[3].services[0]}),
 * which is how the report and the problems name it.
 *
 * @param source     the publisher (an URL or the name an administrator gave it), or null for the directory's own export
 * @param unreadable records whose shape is not HSDS (a wrong type, a missing link), each refused
 * @param terms      the dataset's taxonomy terms by id, to find a term's parents
 */
public record HsdsDataset(String source, List<Entry> organizations, List<Problem.Violation> unreadable,
        Map<String, HsdsInput.TaxonomyTerm> terms) {

    /** An organisation and its services, with where each was in the dataset. */
    public record Entry(String field, HsdsInput.Organization organization, List<ServiceEntry> services) {
    }

    public record ServiceEntry(String field, HsdsInput.Service service) {
    }

    public int serviceCount() {
        return organizations.stream().mapToInt(o -> o.services().size()).sum();
    }
}
