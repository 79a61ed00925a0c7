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
        Set<Audience> audiences, LocalDate lastVerifiedOn, List<ListedService> services, Set<String> languages) {

    public static ListedOrganization of(OrganizationUpserted organization, Canonical canonical) {
        Set<Audience> audiences = organization.audiences() == null || organization.audiences().isEmpty() ? Set.of()
                : canonical.of(Set.copyOf(EnumSet.copyOf(organization.audiences())));
        List<ListedService> services = organization.services() == null ? List.of()
                : organization.services().stream().map(s -> ListedService.of(s, canonical)).toList();
        return new ListedOrganization(organization.id(), organization.name(), organization.lawEnforcement(),
                organization.emergencyDispatch(), audiences, canonical.of(organization.lastVerifiedOn()), services,
                languages(organization.languages(), canonical));
    }

    /** The languages it serves as primary subtags ({@code es} for {@code es-MX}); empty: it lists none. */
    private static Set<String> languages(Set<String> listed, Canonical canonical) {
        if (listed == null || listed.isEmpty()) {
            return Set.of();
        }
        return canonical.of(listed.stream().map(ListedOrganization::primaryTag).collect(
                java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The primary language subtag, lower case: {@code es-MX} and {@code ES} are both {@code es}. */
    public static String primaryTag(String languageTag) {
        String tag = languageTag.strip().toLowerCase(java.util.Locale.ROOT);
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
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
