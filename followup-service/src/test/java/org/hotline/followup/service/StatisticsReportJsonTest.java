package org.hotline.followup.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.hotline.followup.service.StatisticsReport.Cell;
import org.junit.jupiter.api.Test;

/** The cells' hand-written serialiser writes what Jackson writes for the record itself, and reads back the same. */
class StatisticsReportJsonTest {

    private static final List<Cell> CELLS = List.of(new Cell("CRISIS", 12L, "12", null),
            new Cell("REFERRAL_REQUEST", null, "<5", "BELOW_THRESHOLD"), new Cell("GENERAL_INFO", null, "x",
                    "COMPLEMENTARY"), new Cell("a \"quoted\" value \u00e9", 0L, "0", null));

    @Test
    void theCellWriterWritesWhatJacksonWritesForTheRecord() throws Exception {
        ObjectMapper withWriter = new ObjectMapper();
        ObjectMapper recordDefault = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

        String written = withWriter.writeValueAsString(CELLS);

        assertThat(written).isEqualTo(recordDefault.writeValueAsString(CELLS))
                .contains("{\"value\":\"REFERRAL_REQUEST\",\"count\":null,\"display\":\"<5\","
                        + "\"suppressed\":\"BELOW_THRESHOLD\"}");
        assertThat(withWriter.readValue(written, Cell[].class)).containsExactlyElementsOf(CELLS);
    }
}
