package org.hotline.directory.hsds;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.platform.problem.Problem;

/**
 * What an import would do (a dry run) or did, per organisation of the dataset. A dry run lists every record; an
 * applied import lists the records it refused (the others are in the counts).
 *
 * @param replaced organisations updated (their content changed)
 * @param unchanged organisations skipped because the directory already holds exactly what the dataset says
 */
public record ImportReport(boolean dryRun, String source, int organizations, int services, int created,
        int replaced, int unchanged, int refused, List<RecordReport> records) {

    public enum Action {
        /** A new organisation. */
        CREATE,
        /** An organisation the directory holds, with other content: replaced, version + 1, published. */
        UPDATE,
        /** Unchanged: nothing is written, nothing published. */
        SKIP,
        /** Not imported; {@code problems} say why. */
        REFUSE
    }

    /**
     * One organisation of the dataset.
     *
     * @param record   where it is in the dataset: {@code organizations[3]}, {@code services[12].organization}
     * @param sourceId its id in the dataset
     * @param id       the directory's id
     * @param notes    what was not mapped or was derived (the import goes on)
     * @param problems why it is refused
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordReport(String record, String sourceId, UUID id, String name, Action action, int services,
            List<Problem.Violation> notes, List<Problem.Violation> problems) {
    }
}
