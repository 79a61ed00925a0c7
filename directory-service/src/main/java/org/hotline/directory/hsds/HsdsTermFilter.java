package org.hotline.directory.hsds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.Taxonomy;

/**
 * HSDS's {@code taxonomy_term_id} and {@code taxonomy_id} filters of {@code /services} as an SQL condition on service
 * {@code s} and its organisation {@code o}: a service matches a term when its export carries an attribute with that
 * term, and a taxonomy when it carries a term of it. Fixed fragments only; the one value is {@code :conditionValue}.
 *
 * @param condition null when neither filter is given
 * @param value     the value of {@code :conditionValue}, or null
 */
public record HsdsTermFilter(String condition, String value) {

    public static HsdsTermFilter of(HsdsTerms terms, UUID termId, UUID taxonomyId) {
        List<String> conditions = new ArrayList<>();
        String value = null;
        if (termId != null) {
            Optional<Hsds.TaxonomyTerm> term = terms.find(termId, null, null);
            Need need = term.map(terms::needOf).orElse(null);
            Audience audience = term.map(terms::audienceOf).orElse(null);
            DirectoryAttribute attribute = term.map(terms::attributeOf).orElse(null);
            if (need != null) {
                conditions.add("EXISTS (SELECT 1 FROM service_need n WHERE n.service_id = s.id"
                        + " AND n.need = :conditionValue)");
                value = need.name();
            } else if (audience != null) {
                conditions.add("CAST(:conditionValue AS text) = ANY (o.audiences)");
                value = audience.name();
            } else {
                conditions.add(attribute == null ? "FALSE" : attributeCondition(attribute));
            }
        }
        if (taxonomyId != null) {
            if (Taxonomy.NEEDS.equals(taxonomyId)) {
                conditions.add("EXISTS (SELECT 1 FROM service_need n WHERE n.service_id = s.id)");
            } else if (Taxonomy.AUDIENCES.equals(taxonomyId)) {
                conditions.add("cardinality(o.audiences) > 0");
            } else {
                // Every exported service carries its time-zone attribute.
                conditions.add(Taxonomy.DIRECTORY_ATTRIBUTES.equals(taxonomyId) ? "TRUE" : "FALSE");
            }
        }
        return new HsdsTermFilter(conditions.isEmpty() ? null : String.join(" AND ", conditions), value);
    }

    /** Which services' exports carry the attribute (on the service, its organisation, schedules or areas). */
    private static String attributeCondition(DirectoryAttribute attribute) {
        return switch (attribute) {
            case LAW_ENFORCEMENT_AGENCY -> "o.law_enforcement";
            case EMERGENCY_DISPATCH -> "o.emergency_dispatch";
            case LAST_VERIFIED_ON -> "o.last_verified_on IS NOT NULL";
            case LANGUAGE -> "cardinality(o.languages) > 0";
            case TIME_ZONE -> "TRUE";
            case OPEN_24_HOURS -> "s.open_24h";
            case CLOSED_DATE -> "EXISTS (SELECT 1 FROM service_closed_date d WHERE d.service_id = s.id)";
            case AREA_NATIONAL -> area("NATIONAL");
            case AREA_STATE -> area("STATE");
            case AREA_COUNTY -> area("COUNTY");
            case AREA_POSTAL_CODE -> area("POSTAL_CODE");
        };
    }

    private static String area(String kind) {
        return "EXISTS (SELECT 1 FROM service_area a WHERE a.service_id = s.id AND a.kind = '" + kind + "')";
    }
}
