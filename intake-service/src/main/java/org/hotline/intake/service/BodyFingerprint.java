package org.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fingerprint of a submitted body for idempotency: SHA-256 over the idempotency key and the body's canonical JSON
 * (object fields sorted, null fields dropped, arrays of values sorted: the sets of indicators and needs have no
 * order), so a retry of the same body matches whatever order its client wrote, and a different body does not. The
 * key is random per submission, so the fingerprint cannot be matched against guessed bodies without it.
 */
public final class BodyFingerprint {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private BodyFingerprint() {
    }

    public static String of(Object body, String idempotencyKey) {
        JsonNode canonical = canonical(JSON.valueToTree(body));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(JSON.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a request body", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    fields.put(f.getKey(), canonical(f.getValue()));
                }
            });
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            if (items.stream().allMatch(JsonNode::isValueNode)) {
                items.sort((a, b) -> a.toString().compareTo(b.toString()));
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }
}
