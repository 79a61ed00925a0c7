package org.hotline.followup.service;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Statistics as they may leave the service: small counts already suppressed (a suppressed cell has no count, only
 * its display, "&lt;5" or "x"). {@code state} is null for every state together.
 */
public record StatisticsReport(LocalDate from, LocalDate to, String granularity, String state, int threshold,
        List<Period> periods) {

    /** One day, ISO week or month: each figure's values, and the median time to first response. */
    public record Period(LocalDate start, LocalDate end, Map<String, List<Cell>> figures, Median firstResponse) {
    }

    /**
     * One value of a figure. {@code suppressed}: null (shown), {@code BELOW_THRESHOLD} or {@code COMPLEMENTARY}
     * (withheld so that a small count cannot be worked out from the others and a total).
     */
    @JsonSerialize(using = CellWriter.class)
    public record Cell(String value, Long count, String display, String suppressed) {
    }

    /**
     * Writes a cell exactly as Jackson writes the record ({@code value, count, display, suppressed}, nulls included),
     * without going through its accessors by reflection: a year of days is some 27,000 cells, most of an answer's time
     * on a JVM without its optimising compiler. {@code StatisticsReportJsonTest} holds the two to the same output.
     */
    public static final class CellWriter extends StdSerializer<Cell> {

        public CellWriter() {
            super(Cell.class);
        }

        @Override
        public void serialize(Cell cell, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("value", cell.value());
            if (cell.count() == null) {
                json.writeNullField("count");
            } else {
                json.writeNumberField("count", cell.count());
            }
            json.writeStringField("display", cell.display());
            json.writeStringField("suppressed", cell.suppressed());
            json.writeEndObject();
        }
    }

    /**
     * The median business hours from a follow-up's clock start to its completion, over the follow-ups completed in
     * the period, to a quarter of an hour (the midpoint of its histogram bucket); withheld below the threshold of
     * responses.
     */
    public record Median(Double businessHours, String display, boolean suppressed) {
    }
}
