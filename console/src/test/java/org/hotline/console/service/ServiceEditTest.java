package org.hotline.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ServiceEditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode service() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "5eed0001-0000-4000-8000-018883737888", "name": "Hotline", "needs": ["SHELTER"],
                 "phone": "1-888-373-7888", "extra": "kept",
                 "hours": {"timeZone": "America/New_York", "open24h": true, "weekly": [],
                           "closedDates": ["2026-12-25"]},
                 "area": {"national": true, "states": [], "counties": [], "postalCodes": []}}""");
    }

    @Test
    void theFormsRowsBecomeWeeklySpansAndTheAreaListsAndEverythingElseIsKept() throws Exception {
        ServiceEdit edit = ServiceEdit.fromForm(" 831-555-0100 ", "America/Los_Angeles", null,
                List.of("0:MON", "0:TUE", "1:SAT"), List.of("09:00", "10:00", ""), List.of("17:00", "14:00", ""),
                null, "CA, OR", "CA:Santa Cruz\nCA:Monterey", "95060 93901");
        ObjectNode service = service();

        edit.applyTo(service);

        assertThat(service.get("phone").asText()).isEqualTo("831-555-0100");
        assertThat(service.get("extra").asText()).isEqualTo("kept");
        assertThat(service.at("/hours/timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(service.at("/hours/open24h").asBoolean()).isFalse();
        assertThat(service.at("/hours/closedDates/0").asText()).isEqualTo("2026-12-25");
        assertThat(service.at("/hours/weekly")).hasSize(2);
        assertThat(service.at("/hours/weekly/0").toString())
                .isEqualTo("{\"days\":[\"MON\",\"TUE\"],\"opens\":\"09:00\",\"closes\":\"17:00\"}");
        assertThat(service.at("/hours/weekly/1").toString())
                .isEqualTo("{\"days\":[\"SAT\"],\"opens\":\"10:00\",\"closes\":\"14:00\"}");
        assertThat(service.at("/area/national").asBoolean()).isFalse();
        assertThat(service.at("/area/states").toString()).isEqualTo("[\"CA\",\"OR\"]");
        assertThat(service.at("/area/counties").toString()).isEqualTo("[\"CA:Santa Cruz\",\"CA:Monterey\"]");
        assertThat(service.at("/area/postalCodes").toString()).isEqualTo("[\"95060\",\"93901\"]");
    }

    @Test
    void anEmptiedPhoneIsRemovedAndAHalfFilledRowIsSentForDirectoryToJudge() throws Exception {
        ServiceEdit edit = ServiceEdit.fromForm("", "America/New_York", "on", List.of(), List.of("25:00"),
                List.of(""), "on", "", "", "");
        ObjectNode service = service();

        edit.applyTo(service);

        assertThat(service.has("phone")).isFalse();
        assertThat(service.at("/hours/weekly/0/opens").asText()).isEqualTo("25:00");
        assertThat(service.at("/hours/weekly/0/closes").isNull()).isTrue();
        assertThat(service.at("/hours/weekly/0/days")).isEmpty();
    }

    @Test
    void aServiceFillsTheFormWithOneEmptyRowToAddASpan() throws Exception {
        ObjectNode service = service();
        ((ObjectNode) service.get("hours")).putArray("weekly").addObject().put("opens", "09:00").put("closes",
                "17:00").putArray("days").add("MON");

        ServiceEdit edit = ServiceEdit.of(service);

        assertThat(edit.phone()).isEqualTo("1-888-373-7888");
        assertThat(edit.rows()).hasSize(2);
        assertThat(edit.rows().get(0).has("MON")).isTrue();
        assertThat(edit.rows().get(1).opens()).isEmpty();
    }
}
