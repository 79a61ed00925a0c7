package org.hotline.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.directory.config.DirectoryConfig;

/**
 * The hotline's HSDS profile, as Open Referral's profile specification describes it: JSON Merge Patches (RFC 7396,
 * {@code src/main/resources/hsds/profile}) on HSDS 3.0's own schemas and {@code openapi.json} (bundled unchanged
 * under {@code hsds/3.0/schema}), and the profile's schemas made from them when the service starts: each patched
 * object schema, the compiled ones ({@link HsdsSchemaCompiler}) and the patched OpenAPI document, whose references
 * to HSDS's compiled schemas point at the profile's instead.
 */
@ApplicationScoped
public class HsdsProfile {

    /** The official HSDS 3.0 schema files (commit 279fd2e of openreferral/specification, branch 3.0). */
    public static final List<String> HSDS_SCHEMAS = List.of("accessibility.json", "address.json", "attribute.json",
            "contact.json", "cost_option.json", "funding.json", "language.json", "location.json",
            "meta_table_description.json", "metadata.json", "organization.json", "organization_identifier.json",
            "phone.json", "program.json", "required_document.json", "schedule.json", "service.json",
            "service_area.json", "service_at_location.json", "taxonomy.json", "taxonomy_term.json");
    /** The profile's patches, each named after the HSDS file it modifies. */
    public static final List<String> PATCHES = List.of("organization.json", "service.json", "schedule.json",
            "service_area.json", "location.json", "openapi.json");
    /** Where HSDS's openapi.json finds its schemas; the profile's document finds them under its own URI. */
    static final String HSDS_SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String uri;
    private final Map<String, JsonNode> patches;
    private final Map<String, JsonNode> schemas;

    public HsdsProfile(DirectoryConfig config) {
        this.uri = config.hsds().profileUri();
        this.patches = read("hsds/profile/", PATCHES);
        this.schemas = compile(read("hsds/3.0/schema/", HSDS_SCHEMAS), patches, uri);
    }

    /** The profile's canonical URI, the {@code profile} of {@code GET /hsds/}. */
    public String uri() {
        return uri;
    }

    /** The patches by file name. */
    public Map<String, JsonNode> patches() {
        return patches;
    }

    /** Every schema of the profile by name: {@code service.json}, {@code compiled/service.json}, {@code openapi.json}. */
    public Map<String, JsonNode> schemas() {
        return schemas;
    }

    public Optional<JsonNode> schema(String name) {
        return Optional.ofNullable(schemas.get(name));
    }

    /**
     * Applies {@code patches} to the HSDS files and compiles them; with no patches this gives HSDS's own compiled
     * schemas (HsdsProfileTest holds it to the official files).
     */
    public static Map<String, JsonNode> compile(Map<String, JsonNode> hsds, Map<String, JsonNode> patches,
            String profileUri) {
        Map<String, JsonNode> patched = new LinkedHashMap<>();
        hsds.forEach((name, schema) -> patched.put(name,
                patches.containsKey(name) ? JsonMergePatch.apply(schema, patches.get(name)) : schema));
        Map<String, JsonNode> all = new LinkedHashMap<>(patched);
        HsdsSchemaCompiler.compile(patched).forEach((name, schema) -> all.put("compiled/" + name, schema));
        JsonNode openapi = JsonMergePatch.apply(readOne("hsds/3.0/schema/openapi.json"),
                patches.getOrDefault("openapi.json", MAPPER.createObjectNode()));
        try {
            all.put("openapi.json", MAPPER.readTree(MAPPER.writeValueAsString(openapi)
                    .replace(HSDS_SCHEMA_BASE, profileUri + "/schema")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(all);
    }

    /** The bundled files of {@code directory} by name. */
    public static Map<String, JsonNode> read(String directory, List<String> names) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        names.forEach(name -> files.put(name, readOne(directory + name)));
        return files;
    }

    private static JsonNode readOne(String resource) {
        try (InputStream in = HsdsProfile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
