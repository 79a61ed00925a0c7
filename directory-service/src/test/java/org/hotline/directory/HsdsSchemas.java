package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The official Open Referral HSDS 3.0 JSON schemas (test resources under {@code hsds/3.0}, see the README there),
 * checked with the JSON-schema validator the event contracts use, with format assertions on (uuid, uri, email,
 * date-time).
 */
final class HsdsSchemas {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static final JsonSchema SERVICE = load("compiled/service.json");
    static final JsonSchema SERVICE_LIST_ITEM = load("compiled/service_list.json");
    static final JsonSchema ORGANIZATION = load("compiled/organization.json");
    static final JsonSchema ORGANIZATION_LIST_ITEM = load("compiled/organization_list.json");
    /** {@code components.schemas.Page} of HSDS's openapi.json: the wrapper of every list answer. */
    static final JsonSchema PAGE = FACTORY.getSchema(openapi().at("/components/schemas/Page"), CONFIG);
    /** The answer of {@code GET /}, inline in openapi.json. */
    static final JsonSchema API_INFO = FACTORY.getSchema(
            openapi().at("/paths/~1/get/responses/200/content/application~1json/schema"), CONFIG);
    static final JsonSchema SERVICE_AT_LOCATION_LIST_ITEM = load("compiled/service_at_location_list.json");
    static final JsonSchema SERVICE_AT_LOCATION = load("compiled/service_at_location.json");

    private HsdsSchemas() {
    }

    /** Asserts that {@code json} is valid, listing where it is not. */
    static void assertValid(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toList()))
                .as("HSDS schema violations").isEmpty();
    }

    /** A list answer: the Page wrapper with all its fields, and each item against {@code item}. */
    static void assertValidPage(JsonSchema item, JsonNode page) {
        assertValid(PAGE, page);
        assertThat(page.fieldNames()).toIterable().contains("total_items", "total_pages", "page_number", "size",
                "first_page", "last_page", "empty", "contents");
        assertThat(page.get("contents").isArray()).isTrue();
        page.get("contents").forEach(content -> assertValid(item, content));
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HSDS's own openapi.json, which the service ships (under {@code hsds/3.0/schema}) to build its profile's. */
    static JsonNode openapi() {
        return readResource("hsds/3.0/schema/openapi.json");
    }

    /** A schema given as JSON (the profile's compiled ones, as the service serves them). */
    static JsonSchema schema(JsonNode json) {
        return FACTORY.getSchema(json, CONFIG);
    }

    static JsonNode readResource(String resource) {
        try (InputStream in = HsdsSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode compiled(String file) {
        return read("compiled/" + file);
    }

    private static JsonSchema load(String file) {
        return FACTORY.getSchema(read(file), CONFIG);
    }

    private static JsonNode read(String file) {
        try (InputStream in = HsdsSchemas.class.getClassLoader().getResourceAsStream("hsds/3.0/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource hsds/3.0/" + file);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
