package org.hotline.directory.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compiles HSDS object schemas ({@code service.json}, {@code phone.json}, … with relative {@code $ref}s) into the
 * fully dereferenced schemas of HSDS's {@code schema/compiled/} directory, as Open Referral's reference tool
 * ({@code hsds_schema_tools}' {@code compile_schema}, {@code remove_one_to_many} and {@code _compile_schemas}) does:
 * run on the official 3.0 schemas it gives back the official compiled files (HsdsProfileTest), so run on the
 * profile's patched schemas it gives the profile's. {@code service_with_definitions.json} and the
 * {@code *_package.json} arrays are not produced: the API answers none of them.
 */
public final class HsdsSchemaCompiler {

    /** The compiled schemas, by their file name under {@code compiled/}. */
    public static final List<String> COMPILED = List.of("service.json", "service_list.json", "organization.json",
            "organization_list.json", "service_at_location.json", "service_at_location_list.json");

    private HsdsSchemaCompiler() {
    }

    /** {@code schemas}: every object schema by file name; answers the compiled ones by file name. */
    public static Map<String, JsonNode> compile(Map<String, JsonNode> schemas) {
        Map<String, JsonNode> compiled = new LinkedHashMap<>();
        ObjectNode service = dereference(copy(schemas, "service.json"), schemas);
        compiled.put("service.json", service.deepCopy());
        removeOneToMany(service);
        compiled.put("service_list.json", service);

        ObjectNode organization = copy(schemas, "organization.json");
        ObjectNode services = JsonNodeFactory.instance.objectNode().put("type", "array");
        services.putObject("items").put("$ref", "service.json");
        ((ObjectNode) organization.get("properties")).set("services", services);
        organization = dereference(organization, schemas);
        compiled.put("organization.json", organization.deepCopy());
        removeOneToMany(organization);
        compiled.put("organization_list.json", organization);

        ObjectNode serviceAtLocation = copy(schemas, "service_at_location.json");
        ((ObjectNode) serviceAtLocation.get("properties")).putObject("service").put("name", "service")
                .put("$ref", "service.json");
        serviceAtLocation = dereference(serviceAtLocation, schemas);
        ((ObjectNode) serviceAtLocation.at("/properties/service/properties")).remove("service_at_locations");
        compiled.put("service_at_location.json", serviceAtLocation.deepCopy());
        removeOneToMany(serviceAtLocation);
        compiled.put("service_at_location_list.json", serviceAtLocation);
        return compiled;
    }

    private static ObjectNode copy(Map<String, JsonNode> schemas, String name) {
        JsonNode schema = schemas.get(name);
        if (schema == null || !schema.isObject()) {
            throw new IllegalStateException("No HSDS schema " + name);
        }
        return ((ObjectNode) schema).deepCopy();
    }

    /**
     * Replaces each property's {@code $ref} (or its items' {@code $ref}) by the compiled schema it names; the
     * referring property's own members (name, title, description) win over the referred schema's, as in the tool.
     */
    private static ObjectNode dereference(ObjectNode schema, Map<String, JsonNode> schemas) {
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            return schema;
        }
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            ObjectNode property = (ObjectNode) properties.get(name);
            JsonNode items = property.get("items");
            if (items != null && items.has("$ref")) {
                ObjectNode rest = ((ObjectNode) items).deepCopy();
                String ref = rest.remove("$ref").asText();
                property.set("items", dereference(copy(schemas, ref), schemas));
                property.setAll(rest);
            }
            if (property.has("$ref")) {
                String ref = property.remove("$ref").asText();
                ObjectNode own = property.deepCopy();
                property.removeAll();
                property.setAll(dereference(copy(schemas, ref), schemas));
                property.setAll(own);
            }
        }
        return schema;
    }

    /** A list item: no arrays of nested objects, at any depth of nested objects. */
    private static void removeOneToMany(ObjectNode schema) {
        removeOneToManyProperties((ObjectNode) schema.get("properties"));
    }

    private static void removeOneToManyProperties(ObjectNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = properties.get(name);
            if ("array".equals(value.path("type").asText()) && value.has("items")) {
                properties.remove(name);
            }
            if ("object".equals(value.path("type").asText()) && value.has("properties")) {
                removeOneToManyProperties((ObjectNode) value.get("properties"));
            }
        }
    }
}
