package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotline.contracts.events.FollowupCompleted;
import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.events.TipReceived;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.FollowupOutcome;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventContractTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleRoundTripsThroughItsSchema(EventType type) {
        Record sample = SampleEvents.all().get(type);
        assertThat(sample).as("a sample for %s", type).isNotNull();

        String wire = codec.encode(sample);

        assertThat(codec.decode(type, wire, type.payloadType())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreExactlyTheRecordComponents(EventType type) throws IOException {
        JsonNode schema = schema(type.schemaResource());
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(type.payloadType().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());

        assertThat(properties).isEqualTo(components);
        assertThat(schema.get("$id").asText()).isEqualTo(EventCodec.SCHEMA_BASE_URI + type.type() + ".schema.json");
        assertThat(schema.get("title").asText()).isEqualTo(type.payloadType().getSimpleName());
    }

    @Test
    void aCompletionWrittenBeforeOutcomesExistedIsStillReadAndOneWithoutOutcomeIsWrittenAsBefore() {
        String before = "{\"followupId\": \"00000000-0000-0000-0000-000000000001\", \"reference\": "
                + "\"TIP-7K3M9Q2XH4\", \"completedAt\": \"2026-12-01T15:00:00Z\", \"breached\": false}";
        FollowupCompleted read = codec.decode(EventType.FOLLOWUP_COMPLETED, before, FollowupCompleted.class);
        assertThat(read.outcome()).isNull();
        assertThat(codec.encode(read)).doesNotContain("outcome");
        assertThatThrownBy(() -> codec.decode(EventType.FOLLOWUP_COMPLETED,
                before.replace("}", ", \"outcome\": \"SOLVED\"}"), FollowupCompleted.class))
                .isInstanceOf(EventFormatException.class);
    }

    @Test
    void aDecisionWrittenBeforeResourcesExistedIsStillReadAndOneWithoutResourcesIsWrittenAsBefore() {
        ObjectNode decision = (ObjectNode) codec.toTree(SampleEvents.all().get(EventType.ROUTING_DECIDED));
        decision.remove("resources");
        RoutingDecided read = codec.decode(EventType.ROUTING_DECIDED, decision.toString(), RoutingDecided.class);
        assertThat(read.resources()).isNull();
        assertThat(codec.encode(read)).doesNotContain("resources");
        ObjectNode four = (ObjectNode) codec.toTree(SampleEvents.all().get(EventType.ROUTING_DECIDED));
        var resources = (com.fasterxml.jackson.databind.node.ArrayNode) four.get("resources");
        for (int i = 0; i < 3; i++) {
            resources.add(resources.get(0).deepCopy());
        }
        assertThatThrownBy(() -> codec.decode(EventType.ROUTING_DECIDED, four.toString(), RoutingDecided.class))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("resources");
    }

    @Test
    void aTipWrittenBeforeTheTypologyIsStillReadAndEveryTypeMapsToSexOrLabour() {
        String before = codec.encode(new TipReceived("TIP-7K3M9Q2XH4", SampleEvents.T0, Channel.WEB_FORM,
                TraffickingType.SEX_AND_LABOR, Set.of(), Set.of(), null, true, null, null, false));
        assertThat(before).doesNotContain("typology");
        TipReceived read = codec.decode(EventType.TIP_RECEIVED, before, TipReceived.class);
        assertThat(read.typology()).isNull();
        assertThat(read.traffickingType()).isEqualTo(TraffickingType.SEX_AND_LABOR);
        assertThat(org.hotline.contracts.vocabulary.Typology.values()).hasSize(25)
                .allSatisfy(t -> assertThat(t.traffickingType()).isIn(TraffickingType.SEX, TraffickingType.LABOR,
                        TraffickingType.SEX_AND_LABOR));
        assertThatThrownBy(() -> codec.decode(EventType.TIP_RECEIVED,
                before.replace("}", ", \"typology\": \"FARM\"}"), TipReceived.class))
                .isInstanceOf(EventFormatException.class);
    }

    @Test
    void vocabularySchemaSpellsEveryEnumExactlyAsTheJavaEnums() throws IOException {
        JsonNode defs = schema("schemas/vocabulary.schema.json").get("$defs");
        for (Class<? extends Enum<?>> e : java.util.List.of(CallType.class, CallerType.class, Channel.class,
                TraffickingType.class, Indicator.class, Need.class, Urgency.class, Handling.class, FollowupOutcome.class,
                ReferralOutcome.class, ContactKind.class, Audience.class, ConsentBasis.class, AgeBand.class,
                org.hotline.contracts.vocabulary.ResourceKind.class,
                org.hotline.contracts.vocabulary.ResourceAudience.class,
                org.hotline.contracts.vocabulary.Typology.class, org.hotline.contracts.vocabulary.CaseStatus.class,
                org.hotline.contracts.vocabulary.CaseCloseReason.class)) {
            Set<String> inSchema = StreamSupport.stream(defs.get(e.getSimpleName()).get("enum").spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.toSet());
            Set<String> inJava = Arrays.stream(e.getEnumConstants()).map(EventContractTest::wireName)
                    .collect(Collectors.toSet());
            assertThat(inSchema).as(e.getSimpleName()).isEqualTo(inJava);
        }
    }

    @Test
    void everyEventTypeHasATopicDeclaredInTopics() {
        Set<String> declared = Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet());
        for (EventType type : EventType.values()) {
            assertThat(declared).contains(type.topic());
        }
        assertThat(Topics.ALL).filteredOn(Topics.Spec::compacted).extracting(Topics.Spec::name)
                .containsExactly(Topics.DIRECTORY_ORGANIZATIONS, Topics.DIRECTORY_RESOURCES, Topics.CALENDAR_CLOSURES);
    }

    @Test
    void missingRequiredFieldIsRejectedNamingTheFieldButNoValue() {
        ObjectNode tip = (ObjectNode) codec.toTree(SampleEvents.all().get(EventType.TIP_RECEIVED));
        tip.remove("reference");
        ((ObjectNode) tip.get("location")).put("city", "CANARY-Marker-City");
        tip.put("channel", "PIGEON-CANARY");

        assertThatThrownBy(() -> codec.decode(EventType.TIP_RECEIVED, tip.toString(), TipReceived.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("hotline.tip.received")
                .hasMessageContaining("$.channel")
                .hasMessageContaining("required")
                .hasMessageNotContaining("CANARY");
    }

    @Test
    void brokenJsonIsRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> codec.decode(EventType.TIP_RECEIVED, "{\"description\": \"CANARY secret", TipReceived.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("not JSON")
                .hasMessageNotContaining("CANARY");
        assertThatThrownBy(() -> codec.decode(EventType.TIP_RECEIVED, "", TipReceived.class))
                .isInstanceOf(EventFormatException.class);
    }

    @Test
    void producerCannotEncodeAPayloadThatBreaksTheContract() {
        var invalid = new TipReceived(null, SampleEvents.T0, Channel.WEB_FORM, null, Set.of(), Set.of(), null, true,
                null, null, false);

        assertThatThrownBy(() -> codec.encode(invalid)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("required");
    }

    @Test
    void instantsAreWrittenAsIsoStrings() {
        JsonNode tree = json.valueToTree(codec.toTree(SampleEvents.all().get(EventType.TIP_RECEIVED)));
        assertThat(tree.get("receivedAt").asText()).isEqualTo("2026-11-20T15:04:05Z");
        assertThat(tree.has("description")).isFalse();
    }

    private JsonNode schema(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readTree(in);
        }
    }

    /** How the constant is spelled on the wire. */
    private static String wireName(Enum<?> constant) {
        return constant instanceof AgeBand band ? band.spelling() : constant.name();
    }
}
