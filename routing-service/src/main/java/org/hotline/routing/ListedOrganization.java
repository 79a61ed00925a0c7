package org.hotline.routing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * What routing keeps in memory of one directory organisation: only what choosing referral targets reads (no
 * description, languages or service names), with shared values, so 50,000 organisations take tens of megabytes.
 */
public record ListedOrganization(UUID id, String name, boolean lawEnforcement, boolean emergencyDispatch,
        Set<Audience> audiences, LocalDate lastVerifiedOn, List<ListedService> services) {

    public static ListedOrganization of(OrganizationUpserted organization, Canonical canonical) {
        Set<Audience> audiences = organization.audiences() == null || organization.audiences().isEmpty() ? Set.of()
                : canonical.of(Set.copyOf(EnumSet.copyOf(organization.audiences())));
        List<ListedService> services = organization.services() == null ? List.of()
                : organization.services().stream().map(s -> ListedService.of(s, canonical)).toList();
        return new ListedOrganization(organization.id(), organization.name(), organization.lawEnforcement(),
                organization.emergencyDispatch(), audiences, canonical.of(organization.lastVerifiedOn()), services);
    }

    public boolean offers(Need need) {
        for (ListedService service : services) {
            if (service.covers(need)) {
                return true;
            }
        }
        return false;
    }
}
