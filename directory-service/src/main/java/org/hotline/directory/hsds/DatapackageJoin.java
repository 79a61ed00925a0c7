package org.hotline.directory.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.hotline.platform.problem.Problem;

/**
 * Joins a datapackage's CSV tables into the nesting of HSDS's JSON form: services under their organisation (by
 * {@code organization_id}), phones, schedules, service areas, languages and service-at-locations under their service,
 * addresses under their location, and attributes (with their taxonomy term) under whatever {@code link_id} names.
 */
final class DatapackageJoin {

    private final Map<String, HsdsDatapackage.Table> tables;
    private final String source;
    private final List<Problem.Violation> unreadable = new ArrayList<>();
    private final Map<String, HsdsInput.TaxonomyTerm> terms = new HashMap<>();
    private final Map<String, List<HsdsInput.Attribute>> attributes = new HashMap<>();
    private final Map<String, HsdsInput.Location> locations = new HashMap<>();

    DatapackageJoin(Map<String, HsdsDatapackage.Table> tables, String source) {
        this.tables = tables;
        this.source = source;
    }

    HsdsDataset dataset() {
        readTerms();
        readAttributes();
        Map<String, List<HsdsInput.Phone>> phones = group("phones", List.of("service_id", "location_id",
                "organization_id", "service_at_location_id"), (t, r) -> new HsdsInput.Phone(t.get(r, "id"),
                        t.get(r, "number")));
        Map<String, List<HsdsInput.Schedule>> schedules = group("schedules", List.of("service_id", "location_id",
                "service_at_location_id"), this::schedule);
        Map<String, List<HsdsInput.Address>> addresses = group("addresses", List.of("location_id"),
                (t, r) -> new HsdsInput.Address(t.get(r, "address_1"), t.get(r, "city"), t.get(r, "region"),
                        t.get(r, "state_province"), t.get(r, "postal_code"), t.get(r, "country"),
                        t.get(r, "address_type")));
        HsdsDatapackage.Table locationTable = table("locations");
        for (int i = 0; i < locationTable.rows().size(); i++) {
            String[] row = locationTable.rows().get(i);
            String id = locationTable.get(row, "id");
            if (id != null) {
                String field = "locations[" + i + "]";
                locations.put(id, new HsdsInput.Location(id, locationTable.get(row, "name"),
                        number(locationTable, row, "latitude", field), number(locationTable, row, "longitude", field),
                        addresses.get("location_id:" + id), phones.get("location_id:" + id),
                        schedules.get("location_id:" + id), flag(locationTable, row, "confidential", field)));
            }
        }
        Map<String, List<HsdsInput.ServiceAtLocation>> atLocations = group("service_at_locations",
                List.of("service_id"), (t, r) -> {
                    String id = t.get(r, "id");
                    String locationId = t.get(r, "location_id");
                    return new HsdsInput.ServiceAtLocation(id, locationId, locationId == null ? null
                            : locations.get(locationId), phones.get("service_at_location_id:" + id),
                            schedules.get("service_at_location_id:" + id));
                });
        Map<String, List<HsdsInput.ServiceArea>> areas = group("service_areas", List.of("service_id"),
                (t, r) -> new HsdsInput.ServiceArea(t.get(r, "id"), t.get(r, "name"), t.get(r, "description"),
                        t.get(r, "extent"), t.get(r, "extent_type"), attributesOf("service_area", t.get(r, "id"))));
        Map<String, List<HsdsInput.Language>> languages = group("languages", List.of("service_id"),
                (t, r) -> new HsdsInput.Language(t.get(r, "name"), t.get(r, "code")));

        HsdsDatapackage.Table organizationTable = table("organizations");
        Map<String, List<HsdsDataset.ServiceEntry>> servicesByOrganization = new HashMap<>();
        HsdsDatapackage.Table serviceTable = table("services");
        for (int i = 0; i < serviceTable.rows().size(); i++) {
            String[] row = serviceTable.rows().get(i);
            String field = "services[" + i + "]";
            String id = serviceTable.get(row, "id");
            String organizationId = serviceTable.get(row, "organization_id");
            if (organizationId == null) {
                unreadable.add(new Problem.Violation(field + ".organization_id", "is required"));
                continue;
            }
            HsdsInput.Service service = new HsdsInput.Service(id, organizationId, serviceTable.get(row, "name"),
                    serviceTable.get(row, "status"), serviceTable.get(row, "assured_date"),
                    serviceTable.get(row, "last_modified"), serviceTable.get(row, "eligibility_description"),
                    number(serviceTable, row, "minimum_age", field), number(serviceTable, row, "maximum_age", field),
                    null, phones.get("service_id:" + id), schedules.get("service_id:" + id),
                    areas.get("service_id:" + id), atLocations.get("service_id:" + id),
                    languages.get("service_id:" + id), attributesOf("service", id),
                    flag(serviceTable, row, "confidential", field));
            servicesByOrganization.computeIfAbsent(organizationId, k -> new ArrayList<>())
                    .add(new HsdsDataset.ServiceEntry(field, service));
        }
        List<HsdsDataset.Entry> organizations = new ArrayList<>();
        for (int i = 0; i < organizationTable.rows().size(); i++) {
            String[] row = organizationTable.rows().get(i);
            String id = organizationTable.get(row, "id");
            List<HsdsDataset.ServiceEntry> services = id == null ? List.of()
                    : servicesByOrganization.getOrDefault(id, List.of());
            servicesByOrganization.remove(id);
            organizations.add(new HsdsDataset.Entry("organizations[" + i + "]", new HsdsInput.Organization(id,
                    organizationTable.get(row, "name"), organizationTable.get(row, "description"),
                    attributesOf("organization", id), null, null, phones.get("organization_id:" + id),
                    flag(organizationTable, row, "confidential", "organizations[" + i + "]")), services));
        }
        servicesByOrganization.values().forEach(orphans -> orphans.forEach(s -> unreadable.add(
                new Problem.Violation(s.field() + ".organization_id", "names no organization of the dataset"))));
        return new HsdsDataset(source, organizations, unreadable, Map.copyOf(terms));
    }

    private void readTerms() {
        HsdsDatapackage.Table taxonomies = table("taxonomies");
        Map<String, HsdsInput.Taxonomy> byId = new HashMap<>();
        for (String[] row : taxonomies.rows()) {
            String id = taxonomies.get(row, "id");
            if (id != null) {
                byId.put(id, new HsdsInput.Taxonomy(id, taxonomies.get(row, "name"), taxonomies.get(row, "uri")));
            }
        }
        HsdsDatapackage.Table t = table("taxonomy_terms");
        for (String[] row : t.rows()) {
            String id = t.get(row, "id");
            if (id != null) {
                String taxonomyId = t.get(row, "taxonomy_id");
                terms.put(id, new HsdsInput.TaxonomyTerm(id, t.get(row, "code"), t.get(row, "name"),
                        t.get(row, "parent_id"), t.get(row, "taxonomy"), taxonomyId,
                        taxonomyId == null ? null : byId.get(taxonomyId), t.get(row, "term_uri")));
            }
        }
    }

    private void readAttributes() {
        HsdsDatapackage.Table t = table("attributes");
        for (String[] row : t.rows()) {
            String linkId = t.get(row, "link_id");
            if (linkId == null) {
                continue;
            }
            String termId = t.get(row, "taxonomy_term_id");
            String entity = t.get(row, "link_entity");
            HsdsInput.Attribute attribute = new HsdsInput.Attribute(t.get(row, "id"), linkId, t.get(row, "link_type"),
                    entity, termId, t.get(row, "value"), termId == null ? null : terms.get(termId));
            attributes.computeIfAbsent((entity == null ? "" : entity) + ":" + linkId, k -> new ArrayList<>())
                    .add(attribute);
        }
    }

    /** The attributes linked to the record; those without a link_entity link to any table's record of that id. */
    private List<HsdsInput.Attribute> attributesOf(String entity, String id) {
        if (id == null) {
            return List.of();
        }
        List<HsdsInput.Attribute> linked = new ArrayList<>(attributes.getOrDefault(entity + ":" + id, List.of()));
        linked.addAll(attributes.getOrDefault(":" + id, List.of()));
        return linked;
    }

    private HsdsInput.Schedule schedule(HsdsDatapackage.Table t, String[] r) {
        return new HsdsInput.Schedule(t.get(r, "id"), t.get(r, "freq"), number(t, r, "interval", null),
                t.get(r, "byday"), t.get(r, "bymonthday"), t.get(r, "opens_at"), t.get(r, "closes_at"),
                t.get(r, "valid_from"), t.get(r, "valid_to"), number(t, r, "timezone", null),
                t.get(r, "description"), attributesOf("schedule", t.get(r, "id")));
    }

    private Double number(HsdsDatapackage.Table t, String[] row, String column, String field) {
        String value = t.get(row, column);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            if (field != null) {
                unreadable.add(new Problem.Violation(field + "." + column, "must be a number"));
            }
            return null;
        }
    }

    /** The profile's boolean column, absent (null) when the table has none or the cell is empty. */
    private Boolean flag(HsdsDatapackage.Table t, String[] row, String column, String field) {
        String value = t.get(row, column);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        unreadable.add(new Problem.Violation(field + "." + column, "must be true or false"));
        return null;
    }

    /** The table's rows by each link column's value, keyed {@code <column>:<value>}. */
    private <T> Map<String, List<T>> group(String table, List<String> linkColumns,
            java.util.function.BiFunction<HsdsDatapackage.Table, String[], T> read) {
        HsdsDatapackage.Table t = table(table);
        Map<String, List<T>> grouped = new HashMap<>();
        for (String[] row : t.rows()) {
            T value = read.apply(t, row);
            for (String column : linkColumns) {
                String link = t.get(row, column);
                if (link != null) {
                    grouped.computeIfAbsent(column + ":" + link, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return grouped;
    }

    private HsdsDatapackage.Table table(String name) {
        return tables.getOrDefault(name, HsdsDatapackage.Table.EMPTY);
    }

}
