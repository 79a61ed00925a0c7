package org.hotline.followup.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.followup.StatisticsFigure;
import org.hotline.followup.config.StatisticsConfig;
import org.hotline.followup.repository.StatisticsCellRepository;
import org.hotline.followup.repository.StatisticsCellRepository.MedianBucket;
import org.hotline.followup.repository.StatisticsCellRepository.Row;
import org.hotline.followup.repository.StatisticsGenerationRepository;
import org.hotline.followup.service.SmallCountSuppression.Mark;
import org.hotline.followup.service.StatisticsReport.Cell;
import org.hotline.followup.service.StatisticsReport.Median;
import org.hotline.followup.service.StatisticsReport.Period;

/** Reads the statistics read model's active generation into reports with small counts suppressed. */
@ApplicationScoped
public class StatisticsQuery {

    public static final List<String> GRANULARITIES = List.of("day", "week", "month");

    private final StatisticsCellRepository cells;
    private final StatisticsGenerationRepository generations;
    private final SmallCountSuppression suppression;

    public StatisticsQuery(StatisticsCellRepository cells, StatisticsGenerationRepository generations,
            StatisticsConfig config) {
        this.cells = cells;
        this.generations = generations;
        this.suppression = new SmallCountSuppression(config.suppressionThreshold());
    }

    public int threshold() {
        return suppression.threshold();
    }

    /** The first day of the period holding {@code day}. */
    public static LocalDate periodStart(LocalDate day, String granularity) {
        return switch (granularity) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    public static LocalDate periodEnd(LocalDate start, String granularity) {
        return switch (granularity) {
            case "week" -> start.plusDays(6);
            case "month" -> start.with(TemporalAdjusters.lastDayOfMonth());
            default -> start;
        };
    }

    /**
     * One state's figures (or every state's together when {@code state} is null) from the period holding
     * {@code from} to the period holding {@code to}, whole periods.
     */
    @Transactional
    public StatisticsReport report(LocalDate from, LocalDate to, String granularity, String state) {
        LocalDate start = periodStart(from, granularity);
        LocalDate end = periodEnd(periodStart(to, granularity), granularity);
        int generation = generations.active();
        String selected = state == null ? StatisticsCellRepository.ALL_STATES : state;
        Map<LocalDate, List<Row>> byPeriod = new HashMap<>();
        for (Row row : cells.counts(generation, granularity, selected, start, end)) {
            byPeriod.computeIfAbsent(row.start(), d -> new ArrayList<>()).add(row);
        }
        Map<LocalDate, MedianBucket> medians = new HashMap<>();
        for (MedianBucket median : cells.medians(generation, granularity, selected, start, end)) {
            medians.put(median.start(), median);
        }
        List<Period> periods = new ArrayList<>();
        for (LocalDate p = start; !p.isAfter(end); p = next(p, granularity)) {
            periods.add(line(p, granularity, byPeriod.getOrDefault(p, List.of()), medians.get(p)));
        }
        return new StatisticsReport(start, end, granularity, state, threshold(), periods);
    }

    /**
     * Every state's figures and every state's together, for publication: each period's figure is a table of states
     * by values, protected in both directions (a state's values, and a value across the states, whose total is the
     * national figure), and the national figures as a line of their own.
     */
    @Transactional
    public Publishable publishable(LocalDate from, LocalDate to, String granularity) {
        StatisticsReport national = report(from, to, granularity, null);
        Set<String> states = new TreeSet<>();
        int generation = generations.active();
        List<Row> rows = cells.counts(generation, granularity, null, national.from(), national.to());
        Map<LocalDate, Map<String, MedianBucket>> medians = new HashMap<>();
        for (MedianBucket median : cells.medians(generation, granularity, null, national.from(), national.to())) {
            states.add(median.state());
            medians.computeIfAbsent(median.start(), d -> new HashMap<>()).put(median.state(), median);
        }
        Map<LocalDate, Map<String, List<Row>>> byPeriod = new HashMap<>();
        for (Row row : rows) {
            states.add(row.state());
            byPeriod.computeIfAbsent(row.start(), d -> new HashMap<>())
                    .computeIfAbsent(row.state(), s -> new ArrayList<>()).add(row);
        }
        Map<String, List<Period>> byState = new TreeMap<>();
        states.forEach(s -> byState.put(s, new ArrayList<>()));
        for (Period nationalPeriod : national.periods()) {
            Map<String, List<Row>> periodRows = byPeriod.getOrDefault(nationalPeriod.start(), Map.of());
            List<String> stateList = new ArrayList<>(states);
            Map<String, Map<String, List<Cell>>> figuresByState = new HashMap<>();
            for (StatisticsFigure figure : StatisticsFigure.shown()) {
                List<String> values = nationalPeriod.figures().get(figure.key()).stream().map(Cell::value).toList();
                long[][] table = new long[stateList.size()][values.size()];
                for (int s = 0; s < stateList.size(); s++) {
                    for (Row row : periodRows.getOrDefault(stateList.get(s), List.of())) {
                        int v = values.indexOf(row.value());
                        if (row.figure().equals(figure.key()) && v >= 0) {
                            table[s][v] += row.count();
                        }
                    }
                }
                Mark[][] marks = suppression.protectTable(table);
                for (int s = 0; s < stateList.size(); s++) {
                    List<Cell> line = new ArrayList<>();
                    for (int v = 0; v < values.size(); v++) {
                        line.add(cell(values.get(v), table[s][v], marks[s][v]));
                    }
                    figuresByState.computeIfAbsent(stateList.get(s), x -> new LinkedHashMap<>()).put(figure.key(),
                            line);
                }
            }
            for (String s : stateList) {
                byState.get(s).add(new Period(nationalPeriod.start(), nationalPeriod.end(), figuresByState.get(s),
                        median(medians.getOrDefault(nationalPeriod.start(), Map.of()).get(s))));
            }
        }
        return new Publishable(national, byState);
    }

    /** What a publication freezes: the national report and one per state, all suppressed. */
    public record Publishable(StatisticsReport national, Map<String, List<Period>> states) {
    }

    private Period line(LocalDate start, String granularity, List<Row> rows, MedianBucket median) {
        Map<String, List<Cell>> figures = new LinkedHashMap<>();
        for (StatisticsFigure figure : StatisticsFigure.shown()) {
            Set<String> values = new LinkedHashSet<>(figure.knownValues());
            Map<String, Long> counts = new HashMap<>();
            for (Row row : rows) {
                if (row.figure().equals(figure.key())) {
                    values.add(row.value());
                    counts.merge(row.value(), row.count(), Long::sum);
                }
            }
            List<String> ordered = new ArrayList<>(values);
            long[] line = ordered.stream().mapToLong(v -> counts.getOrDefault(v, 0L)).toArray();
            Mark[] marks = suppression.protectLine(line);
            List<Cell> shown = new ArrayList<>();
            for (int i = 0; i < line.length; i++) {
                shown.add(cell(ordered.get(i), line[i], marks[i]));
            }
            figures.put(figure.key(), shown);
        }
        return new Period(start, periodEnd(start, granularity), figures, median(median));
    }

    private Cell cell(String value, long count, Mark mark) {
        return switch (mark) {
            case SHOWN -> new Cell(value, count, String.valueOf(count), null);
            case BELOW_THRESHOLD -> new Cell(value, null, "<" + threshold(), mark.name());
            case COMPLEMENTARY -> new Cell(value, null, "x", mark.name());
        };
    }

    /**
     * The median of the first-response histogram (its bucket found in SQL, {@link StatisticsCellRepository#medians}):
     * the midpoint of the bucket holding the middle response; withheld below the threshold of responses.
     */
    private Median median(MedianBucket median) {
        if (median == null || median.responses() == 0) {
            return new Median(null, "no responses", false);
        }
        if (median.responses() < threshold()) {
            return new Median(null, "<" + threshold() + " responses", true);
        }
        double minutes = StatisticsRecorder.BUCKET.toMinutes();
        double hours = (median.bucket() * minutes + minutes / 2) / 60.0;
        String display = median.bucket() >= StatisticsRecorder.LAST_BUCKET ? "200 h or more"
                : String.format(java.util.Locale.ROOT, "%.2f h", hours);
        return new Median(hours, display, false);
    }

    private static LocalDate next(LocalDate start, String granularity) {
        return switch (granularity) {
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
    }

    /** How many periods a range holds, to bound a request. */
    public static long periods(LocalDate from, LocalDate to, String granularity) {
        LocalDate start = periodStart(from, granularity);
        LocalDate end = periodStart(to, granularity);
        return switch (granularity) {
            case "week" -> ChronoUnit.WEEKS.between(start, end) + 1;
            case "month" -> ChronoUnit.MONTHS.between(start, end) + 1;
            default -> ChronoUnit.DAYS.between(start, end) + 1;
        };
    }
}
