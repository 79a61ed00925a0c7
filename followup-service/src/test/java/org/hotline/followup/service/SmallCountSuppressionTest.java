package org.hotline.followup.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.followup.service.SmallCountSuppression.Mark.BELOW_THRESHOLD;
import static org.hotline.followup.service.SmallCountSuppression.Mark.COMPLEMENTARY;
import static org.hotline.followup.service.SmallCountSuppression.Mark.SHOWN;

import org.hotline.followup.service.SmallCountSuppression.Mark;
import org.junit.jupiter.api.Test;

class SmallCountSuppressionTest {

    private final SmallCountSuppression five = new SmallCountSuppression(5);

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithIt() {
        assertThat(five.protectLine(new long[] {3, 0, 7, 12})).containsExactly(BELOW_THRESHOLD, SHOWN, COMPLEMENTARY,
                SHOWN);
    }

    @Test
    void nothingIsWithheldWithoutASmallCell() {
        assertThat(five.protectLine(new long[] {0, 5, 9})).containsOnly(SHOWN);
    }

    @Test
    void twoSmallCellsThatTheTotalWouldPinGetACompanion() {
        // 4 + 4 = 8: both could only be 4.
        assertThat(five.protectLine(new long[] {4, 4, 20})).containsExactly(BELOW_THRESHOLD, BELOW_THRESHOLD,
                COMPLEMENTARY);
        // 2 + 2 = 4: 1+3, 2+2, 3+1 all fit.
        assertThat(five.protectLine(new long[] {2, 2, 20})).containsExactly(BELOW_THRESHOLD, BELOW_THRESHOLD, SHOWN);
    }

    @Test
    void aCompanionThatStillPinsTheSmallCellIsNotEnough() {
        // 1 + 5 = 6 with the companion known to be at least 5: the small cell could only be 1.
        assertThat(five.protectLine(new long[] {1, 5, 6, 30})).containsExactly(BELOW_THRESHOLD, COMPLEMENTARY,
                COMPLEMENTARY, SHOWN);
    }

    @Test
    void aTableIsProtectedAlongRowsAndColumns() {
        Mark[][] marks = five.protectTable(new long[][] {
                {3, 10, 20},
                {8, 9, 30},
                {12, 40, 50}});
        // Row 0 withholds 10 beside the 3; column 0 withholds 8 beside the 3; then row 1 and column 1 need another.
        assertThat(marks[0]).containsExactly(BELOW_THRESHOLD, COMPLEMENTARY, SHOWN);
        assertThat(marks[1][0]).isEqualTo(COMPLEMENTARY);
        assertThat(marks[1][1]).isEqualTo(COMPLEMENTARY);
        for (Mark[] row : marks) {
            long withheld = java.util.Arrays.stream(row).filter(m -> m != SHOWN).count();
            assertThat(withheld).isNotEqualTo(1);
        }
        for (int c = 0; c < 3; c++) {
            int column = c;
            long withheld = java.util.Arrays.stream(marks).filter(row -> row[column] != SHOWN).count();
            assertThat(withheld).isNotEqualTo(1);
        }
    }

    @Test
    void theThresholdIsAtLeastTwo() {
        assertThatThrownBy(() -> new SmallCountSuppression(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
