package org.hotline.contracts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/**
 * Writes and reads event payloads in the one wire format of the system, checking every payload against its JSON
 * Schema both ways, so a producer cannot publish and a consumer cannot accept what the contract does not allow.
 * Thread-safe; create one and share it.
 */
public final class EventCodec {

    /** Base of every schema's {@code $id}; resolved from the classpath, never from the network. */
    public static final String SCHEMA_BASE_URI = "https://hotline.example/schemas/";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Tolerant reader: a newer producer may add fields.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Jackson would otherwise quote the payload in its error messages.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final JsonSchemaFactory schemaFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE_URI, "classpath:schemas/")));

    private final Map<EventType, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** Serialises a payload record after checking it against its type's schema. */
    public String encode(Record payload) {
        EventType type = EventType.of(payload.getClass());
        JsonNode tree = mapper.valueToTree(payload);
        validate(type, tree);
        return tree.toString();
    }

    /** Parses and checks a payload of the given type. */
    public <T extends Record> T decode(EventType type, String json, Class<T> payloadType) {
        if (!type.payloadType().equals(payloadType)) {
            throw new IllegalArgumentException(type.type() + " does not carry " + payloadType.getSimpleName());
        }
        if (json == null || json.isBlank()) {
            throw new EventFormatException(type.type() + ": empty payload");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(type.type() + ": not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        validate(type, tree);
        try {
            return mapper.treeToValue(tree, payloadType);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(type.type() + ": cannot be mapped to " + payloadType.getSimpleName());
        }
    }

    /** The schema-checked JSON tree of a payload, for callers that store it as a document. */
    public JsonNode toTree(Record payload) {
        return mapper.valueToTree(payload);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private void validate(EventType type, JsonNode tree) {
        var errors = schemas.computeIfAbsent(type, this::loadSchema).validate(tree);
        if (!errors.isEmpty()) {
            // Only locations and keywords: a message may otherwise quote the offending value.
            String where = errors.stream()
                    .map(m -> m.getInstanceLocation() + " (" + m.getType() + ")")
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new EventFormatException(type.type() + " violates its schema at " + where);
        }
    }

    private JsonSchema loadSchema(EventType type) {
        return schemaFactory.getSchema(SchemaLocation.of(SCHEMA_BASE_URI + type.type() + ".schema.json"));
    }

}
