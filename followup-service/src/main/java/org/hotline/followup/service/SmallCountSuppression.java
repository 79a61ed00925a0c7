package org.hotline.followup.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-count suppression with complementary suppression, so that published figures cannot identify a person.
 *
 * <p><b>Primary:</b> a count from 1 to {@code threshold - 1} is withheld ({@link Mark#BELOW_THRESHOLD}, shown as
 * "&lt;5"). Zeros are shown. <b>Complementary:</b> every line of a table (the values of one figure in one period, and
 * in a table by state each value across the states) is taken as having a known total, since the same total can be
 * read elsewhere (contacts by channel add up to the contacts by call type). For each withheld cell the method works
 * out what a reader could infer from that total and the cells shown (each withheld cell below the threshold lies in
 * 1..threshold-1, each complementary one at least the threshold); while some small cell would be pinned to a single
 * value, or a line withholds a single cell (which its total would give back, and with it a small
 * cell of another line), the smallest cell still shown in that line is withheld too ({@link Mark#COMPLEMENTARY}, shown as "x"). In a
 * two-way table rows and columns are protected in turn until nothing changes. This is the classic cell-suppression
 * scheme of statistical agencies (primary suppression by a threshold rule, secondary suppression checked by the
 * interval a cell can be narrowed to), made deterministic and conservative; it protects each published table, not
 * differences between overlapping queries (see the README).
 */
public final class SmallCountSuppression {

    /** How a cell is shown. */
    public enum Mark {
        SHOWN, BELOW_THRESHOLD, COMPLEMENTARY
    }

    private final int threshold;

    public SmallCountSuppression(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("The suppression threshold must be at least 2");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** The marks of one line whose total is known. */
    public Mark[] protectLine(long[] counts) {
        Mark[] marks = primary(counts);
        protect(counts, marks, allIndexes(counts.length));
        return marks;
    }

    /** The marks of a two-way table (rows x columns) whose row and column totals are known. */
    public Mark[][] protectTable(long[][] counts) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        long[] flat = new long[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(counts[r], 0, flat, r * columns, columns);
        }
        Mark[] marks = primary(flat);
        List<int[]> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int[] line = new int[columns];
            for (int c = 0; c < columns; c++) {
                line[c] = r * columns + c;
            }
            lines.add(line);
        }
        for (int c = 0; c < columns; c++) {
            int[] line = new int[rows];
            for (int r = 0; r < rows; r++) {
                line[r] = r * columns + c;
            }
            lines.add(line);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] line : lines) {
                changed |= protect(flat, marks, line);
            }
        }
        Mark[][] result = new Mark[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(marks, r * columns, result[r], 0, columns);
        }
        return result;
    }

    private Mark[] primary(long[] counts) {
        Mark[] marks = new Mark[counts.length];
        for (int i = 0; i < counts.length; i++) {
            marks[i] = counts[i] > 0 && counts[i] < threshold ? Mark.BELOW_THRESHOLD : Mark.SHOWN;
        }
        return marks;
    }

    /** Withholds further cells of the line until none of its small cells can be narrowed to one value. */
    private boolean protect(long[] counts, Mark[] marks, int[] line) {
        boolean changed = false;
        while (!safe(counts, marks, line)) {
            int smallest = -1;
            for (int i : line) {
                if (marks[i] == Mark.SHOWN && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                // Every non-zero cell of the line is withheld already: nothing shown is left to subtract.
                return changed;
            }
            marks[smallest] = Mark.COMPLEMENTARY;
            changed = true;
        }
        return changed;
    }

    /**
     * Whether every small withheld cell of the line keeps at least two possible values for a reader who knows the
     * line's total and the rule: withheld small cells lie in 1..threshold-1, complementary ones are at least the
     * threshold (and at most the withheld sum). A line never withholds exactly one cell.
     */
    boolean safe(long[] counts, Mark[] marks, int[] line) {
        long withheldSum = 0;
        long lowerSum = 0;
        long upperSum = 0;
        int withheld = 0;
        for (int i : line) {
            if (marks[i] != Mark.SHOWN) {
                withheldSum += counts[i];
                withheld++;
            }
        }
        if (withheld == 1) {
            // A lone withheld cell is the total less the others: a complementary cell recovered that way would give
            // away the small cell it protects in its other line.
            return false;
        }
        for (int i : line) {
            if (marks[i] == Mark.BELOW_THRESHOLD) {
                lowerSum += 1;
                upperSum += threshold - 1;
            } else if (marks[i] == Mark.COMPLEMENTARY) {
                lowerSum += counts[i] >= threshold ? threshold : 0;
                upperSum += withheldSum;
            }
        }
        for (int i : line) {
            if (marks[i] != Mark.BELOW_THRESHOLD) {
                continue;
            }
            long othersLower = lowerSum - 1;
            long othersUpper = upperSum - (threshold - 1);
            long low = Math.max(1, withheldSum - othersUpper);
            long high = Math.min(threshold - 1, withheldSum - othersLower);
            if (high - low < 1) {
                return false;
            }
        }
        return true;
    }

    private static int[] allIndexes(int n) {
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = i;
        }
        return indexes;
    }
}
