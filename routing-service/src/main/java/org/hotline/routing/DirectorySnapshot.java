package org.hotline.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Need;

/** The read model's organisations in memory, indexed by the needs their services cover. */
public final class DirectorySnapshot implements CandidateSource {

    private final boolean empty;
    private final Map<Need, List<OrganizationUpserted>> byNeed = new EnumMap<>(Need.class);

    private DirectorySnapshot(Collection<OrganizationUpserted> organizations) {
        this.empty = organizations.isEmpty();
        for (OrganizationUpserted organization : organizations) {
            if (organization.services() == null) {
                continue;
            }
            organization.services().stream()
                    .filter(service -> service.needs() != null)
                    .flatMap(service -> service.needs().stream())
                    .distinct()
                    .forEach(need -> byNeed.computeIfAbsent(need, n -> new ArrayList<>()).add(organization));
        }
    }

    public static DirectorySnapshot of(Collection<OrganizationUpserted> organizations) {
        return new DirectorySnapshot(organizations);
    }

    @Override
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public List<OrganizationUpserted> offering(Need need) {
        return byNeed.getOrDefault(need, List.of());
    }
}
