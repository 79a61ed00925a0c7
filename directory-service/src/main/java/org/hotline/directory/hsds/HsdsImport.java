package org.hotline.directory.hsds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Organization;
import org.hotline.directory.config.HsdsImportConfig;
import org.hotline.directory.repository.ImportSourceRepository;
import org.hotline.directory.repository.OrganizationRepository;
import org.hotline.directory.rest.OrganizationRequest;
import org.hotline.directory.service.OrganizationDirectory;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Imports an HSDS 3.x dataset of any publisher (the JSON API form or a CSV datapackage, see {@link HsdsJsonReader}
 * and {@link HsdsDatapackage}): each organisation is mapped ({@link HsdsRecordMapper}) and compared with what the
 * directory holds, giving create, update, skip (unchanged) or refuse, each with its reasons. A dry run answers that
 * report and writes nothing. Applying plans the whole dataset first and refuses it (400, every problem named by its
 * record, nothing written) when a record is refused, unless told to skip refused records; then writes the creates and
 * updates through {@link OrganizationDirectory#putAll}, so each is validated, versioned and published through the
 * outbox as the API's, a batch of organisations per transaction. Unchanged organisations are not written: importing
 * the same data again changes no version and publishes nothing. Records keep their source and source id (V18).
 */
@ApplicationScoped
public class HsdsImport {

    /** Refusals name at most this many problems. */
    private static final int MAX_VIOLATIONS = 100;
    private static final Logger LOG = Logger.getLogger(HsdsImport.class);

    private final HsdsJsonReader json;
    private final HsdsDatapackage datapackage;
    private final HsdsRecordMapper mapper;
    private final OrganizationDirectory directory;
    private final OrganizationRepository organizations;
    private final ImportSourceRepository sources;
    private final Clock clock;
    private final int batchSize;

    public HsdsImport(HsdsJsonReader json, HsdsDatapackage datapackage, HsdsRecordMapper mapper,
            OrganizationDirectory directory, OrganizationRepository organizations, ImportSourceRepository sources,
            Clock clock, HsdsImportConfig config) {
        this.json = json;
        this.datapackage = datapackage;
        this.mapper = mapper;
        this.directory = directory;
        this.organizations = organizations;
        this.sources = sources;
        this.clock = clock;
        this.batchSize = Math.max(1, config.batchSize());
    }

    /** Reads a dataset: a zip (by its first bytes) is a datapackage, anything else the JSON form. */
    public HsdsDataset read(InputStream body, String source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        boolean zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        return zip ? datapackage.read(in, source) : json.read(in, source);
    }

    /** What importing the dataset would do, record by record; nothing is written. */
    public ImportReport dryRun(HsdsDataset dataset) {
        List<Planned> plan = planAll(dataset);
        return report(true, dataset, plan, true);
    }

    /**
     * Applies the dataset.
     *
     * @param skipRefused import what can be imported and report the refused records, instead of refusing the whole
     *                    dataset when one record is refused
     */
    public ImportReport apply(HsdsDataset dataset, boolean skipRefused) {
        long start = System.nanoTime();
        List<Planned> plan = planAll(dataset);
        if (!skipRefused && plan.stream().anyMatch(p -> p.action == ImportReport.Action.REFUSE)) {
            List<Problem.Violation> violations = new ArrayList<>();
            plan.forEach(p -> violations.addAll(p.problems));
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request", "The import has " + violations.size()
                    + " invalid field(s); nothing was imported (a dry run reports every record)",
                    violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size())));
        }
        List<MappedOrganization> importable = plan.stream().filter(p -> p.action != ImportReport.Action.REFUSE)
                .map(p -> p.mapped).toList();
        List<Planned> written = new ArrayList<>(plan.stream().filter(p -> p.action == ImportReport.Action.REFUSE)
                .toList());
        for (int from = 0; from < importable.size(); from += batchSize) {
            List<MappedOrganization> batch = importable.subList(from, Math.min(importable.size(), from + batchSize));
            // One transaction per batch: the whole dataset in one would hold every organisation in memory at once.
            written.addAll(QuarkusTransaction.requiringNew().call(() -> write(dataset.source(), batch)));
        }
        ImportReport report = report(false, dataset, written, false);
        LOG.infof("HSDS import: %d organisation(s), %d service(s): %d created, %d updated, %d unchanged, %d refused, "
                + "in %.1f s", report.organizations(), report.services(), report.created(), report.replaced(),
                report.unchanged(), report.refused(), (System.nanoTime() - start) / 1e9);
        return report;
    }

    /** A record's mapping and what the directory would do with it. */
    private record Planned(MappedOrganization mapped, String field, ImportReport.Action action,
            List<Problem.Violation> problems) {
    }

    private List<Planned> planAll(HsdsDataset dataset) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<MappedOrganization> mapped = dataset.organizations().stream()
                .map(entry -> mapper.map(entry, dataset, today)).toList();
        List<Planned> plan = new ArrayList<>();
        dataset.unreadable().forEach(v -> plan.add(new Planned(null, v.field(), ImportReport.Action.REFUSE,
                List.of(v))));
        Map<MappedOrganization, List<Problem.Violation>> duplicates = duplicates(mapped);
        for (int from = 0; from < mapped.size(); from += batchSize) {
            List<MappedOrganization> batch = mapped.subList(from, Math.min(mapped.size(), from + batchSize));
            // Read in batches too, each in its own (read-only) transaction, for the same reason as the writes.
            plan.addAll(QuarkusTransaction.requiringNew().call(() -> plan(dataset.source(), batch, duplicates)));
        }
        return plan;
    }

    /** Organisations and services whose id is already taken earlier in the dataset. */
    private static Map<MappedOrganization, List<Problem.Violation>> duplicates(List<MappedOrganization> mapped) {
        Map<MappedOrganization, List<Problem.Violation>> found = new IdentityHashMap<>();
        Set<UUID> organizationIds = new HashSet<>();
        Set<UUID> serviceIds = new HashSet<>();
        for (MappedOrganization m : mapped) {
            if (m.id() != null && !organizationIds.add(m.id())) {
                found.computeIfAbsent(m, k -> new ArrayList<>())
                        .add(new Problem.Violation(m.entry().field() + ".id", "appears twice in the import"));
            }
            List<OfferedService> services = m.request().services();
            for (int j = 0; j < services.size(); j++) {
                UUID id = services.get(j).id();
                if (id != null && !serviceIds.add(id)) {
                    found.computeIfAbsent(m, k -> new ArrayList<>()).add(new Problem.Violation(
                            serviceField(m, j) + ".id", "appears twice in the import"));
                }
            }
        }
        return found;
    }

    private List<Planned> plan(String source, List<MappedOrganization> batch,
            Map<MappedOrganization, List<Problem.Violation>> duplicates) {
        List<UUID> ids = batch.stream().map(MappedOrganization::id).filter(Objects::nonNull).toList();
        Map<UUID, Organization> existing = new HashMap<>();
        organizations.findAllInOrder(ids).forEach(o -> existing.put(o.id(), o));
        Map<UUID, String> existingSources = sources.organizationSources(ids);
        Map<UUID, UUID> serviceOwners = sources.serviceOrganizations(batch.stream()
                .flatMap(m -> m.request().services().stream()).map(OfferedService::id).filter(Objects::nonNull)
                .toList());
        List<Planned> plan = new ArrayList<>(batch.size());
        for (MappedOrganization m : batch) {
            List<Problem.Violation> problems = new ArrayList<>(m.problems());
            problems.addAll(duplicates.getOrDefault(m, List.of()));
            String existingSource = m.id() == null ? null : existingSources.get(m.id());
            if (source != null && existingSource != null && !existingSource.equals(source)) {
                problems.add(new Problem.Violation(m.entry().field() + ".id",
                        "is the id of an organisation that did not come from this source"));
            }
            List<OfferedService> services = m.request().services();
            for (int j = 0; j < services.size(); j++) {
                UUID owner = services.get(j).id() == null ? null : serviceOwners.get(services.get(j).id());
                if (owner != null && !owner.equals(m.id())) {
                    problems.add(new Problem.Violation(serviceField(m, j) + ".id",
                            "is the id of another organisation's service"));
                }
            }
            Organization current = m.id() == null ? null : existing.get(m.id());
            ImportReport.Action action = !problems.isEmpty() ? ImportReport.Action.REFUSE
                    : current == null ? ImportReport.Action.CREATE
                    : unchanged(current, m) ? ImportReport.Action.SKIP : ImportReport.Action.UPDATE;
            plan.add(new Planned(m, m.entry().field(), action, problems));
        }
        return plan;
    }

    /** Plans the batch again (the directory may have moved since) and writes its creates and updates. */
    private List<Planned> write(String source, List<MappedOrganization> batch) {
        List<Planned> plan = plan(source, batch, Map.of());
        List<OrganizationDirectory.Put> puts = new ArrayList<>();
        Map<UUID, String> organizationSourceIds = new LinkedHashMap<>();
        Map<UUID, String> serviceSourceIds = new LinkedHashMap<>();
        for (Planned p : plan) {
            if (p.action == ImportReport.Action.CREATE || p.action == ImportReport.Action.UPDATE) {
                puts.add(new OrganizationDirectory.Put(p.mapped.id(), p.mapped.request(), p.mapped.updatedAt()));
            }
            if (p.action != ImportReport.Action.REFUSE && source != null) {
                organizationSourceIds.put(p.mapped.id(), p.mapped.entry().organization().id().strip());
                List<OfferedService> services = p.mapped.request().services();
                for (int j = 0; j < services.size(); j++) {
                    serviceSourceIds.put(services.get(j).id(), p.mapped.serviceSourceIds().get(j).strip());
                }
            }
        }
        directory.putAll(puts, "import[%d].");
        sources.markSource("organization", source, organizationSourceIds);
        sources.markSource("service", source, serviceSourceIds);
        return plan;
    }

    /** Whether the directory already holds exactly what the record says (stored form against stored form). */
    private static boolean unchanged(Organization current, MappedOrganization m) {
        OrganizationRequest r = m.request();
        String description = r.description() == null || r.description().isBlank() ? null : r.description();
        boolean details = current.name().equals(r.name().strip())
                && Objects.equals(current.description(), description)
                && current.lawEnforcement() == r.lawEnforcement()
                && current.emergencyDispatch() == r.emergencyDispatch()
                && current.audiences().equals(r.audiences().stream().distinct().sorted().toList())
                && current.languages().equals(r.languages().stream().distinct().sorted().toList())
                && Objects.equals(current.lastVerifiedOn(), r.lastVerifiedOn())
                && current.confidential() == r.confidential();
        return details && current.services().equals(r.services().stream().map(s -> s.normalized(s.id())).toList());
    }

    private static String serviceField(MappedOrganization m, int index) {
        int active = -1;
        for (HsdsDataset.ServiceEntry entry : m.entry().services()) {
            String status = entry.service().status();
            if (status == null || !(status.equalsIgnoreCase("inactive") || status.equalsIgnoreCase("defunct"))) {
                if (++active == index) {
                    return entry.field();
                }
            }
        }
        return m.entry().field() + ".services[" + index + "]";
    }

    private static ImportReport report(boolean dryRun, HsdsDataset dataset, List<Planned> plan, boolean every) {
        int created = 0;
        int replaced = 0;
        int unchanged = 0;
        int refused = 0;
        List<ImportReport.RecordReport> records = new ArrayList<>();
        for (Planned p : plan) {
            switch (p.action) {
                case CREATE -> created++;
                case UPDATE -> replaced++;
                case SKIP -> unchanged++;
                default -> refused++;
            }
            if (every || p.action == ImportReport.Action.REFUSE) {
                MappedOrganization m = p.mapped;
                records.add(new ImportReport.RecordReport(p.field, m == null ? null : m.entry().organization().id(),
                        m == null ? null : m.id(), m == null ? null : m.request().name(), p.action,
                        m == null ? 0 : m.request().services().size(), m == null ? List.of() : m.notes(),
                        p.problems));
            }
        }
        return new ImportReport(dryRun, dataset.source(), dataset.organizations().size(), dataset.serviceCount(),
                created, replaced, unchanged, refused, records);
    }
}
