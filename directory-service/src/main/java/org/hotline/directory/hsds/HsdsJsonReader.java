package org.hotline.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Reads the JSON API form of an HSDS 3.x dataset, streaming: a {@code Page} (its {@code contents}) or a bare array of
 * either organisations with nested {@code services} ({@code /organizations?full_service=true}, as the directory's own
 * export) or services with a nested {@code organization} ({@code /services} fully nested, as most publishers answer).
 * Services of one organisation are gathered under it, named by the first of them ({@code services[4].organization}).
 */
@ApplicationScoped
public class HsdsJsonReader {

    private final ObjectMapper mapper;

    public HsdsJsonReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public HsdsDataset read(InputStream body, String source) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("contents") && value == JsonToken.START_ARRAY) {
                        return contents(parser, source);
                    }
                    parser.skipChildren();
                }
            } else if (first == JsonToken.START_ARRAY) {
                return contents(parser, source);
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("contents", "must be HSDS JSON: a Page with contents, or an array");
        }
        throw ProblemException.invalid("contents", "must be an array of HSDS organizations or services (or a Page "
                + "with contents)");
    }

    private HsdsDataset contents(JsonParser parser, String source) throws IOException {
        List<HsdsDataset.Entry> organizations = new ArrayList<>();
        Map<String, Gathered> byOrganization = new LinkedHashMap<>();
        List<Problem.Violation> unreadable = new ArrayList<>();
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            JsonNode node = parser.readValueAsTree();
            boolean service = node.isObject() && !node.has("services")
                    && (node.has("organization") || node.has("organization_id"));
            String field = (service ? "services[" : "organizations[") + i + "]";
            try {
                if (service) {
                    gather(mapper.treeToValue(node, HsdsInput.Service.class), field, byOrganization, unreadable);
                } else {
                    HsdsInput.Organization o = mapper.treeToValue(node, HsdsInput.Organization.class);
                    List<HsdsDataset.ServiceEntry> services = new ArrayList<>();
                    List<HsdsInput.Service> nested = HsdsInput.list(o.services());
                    for (int j = 0; j < nested.size(); j++) {
                        services.add(new HsdsDataset.ServiceEntry(field + ".services[" + j + "]", nested.get(j)));
                    }
                    organizations.add(new HsdsDataset.Entry(field, o, services));
                }
            } catch (JsonProcessingException e) {
                unreadable.add(new Problem.Violation(field + jsonPath(e), "has an invalid value or type"));
            }
        }
        byOrganization.values().forEach(g -> organizations.add(new HsdsDataset.Entry(g.field, g.organization,
                g.services)));
        return new HsdsDataset(source, organizations, unreadable, Map.of());
    }

    private static final class Gathered {
        final String field;
        final HsdsInput.Organization organization;
        final List<HsdsDataset.ServiceEntry> services = new ArrayList<>();

        Gathered(String field, HsdsInput.Organization organization) {
            this.field = field;
            this.organization = organization;
        }
    }

    private static void gather(HsdsInput.Service s, String field, Map<String, Gathered> byOrganization,
            List<Problem.Violation> unreadable) {
        HsdsInput.Organization nested = s.organization();
        String organizationId = nested != null && nested.id() != null ? nested.id() : s.organizationId();
        if (organizationId == null || organizationId.isBlank()) {
            unreadable.add(new Problem.Violation(field + ".organization_id", "is required"));
            return;
        }
        HsdsInput.Organization organization = nested != null ? nested
                : new HsdsInput.Organization(organizationId, null, null, null, null, null, null, null);
        byOrganization.computeIfAbsent(organizationId.strip(),
                id -> new Gathered(field + ".organization", organization)).services
                .add(new HsdsDataset.ServiceEntry(field, s));
    }

    static String jsonPath(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
