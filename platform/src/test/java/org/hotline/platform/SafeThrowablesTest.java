package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Set;

import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class SafeThrowablesTest {

    private static final String CANARY = "canary-jane.doe@example.org";

    @Test
    void namesSqlStateConstraintAndOurFrameButNeverTheMessage() {
        SQLException sql = new SQLException("duplicate key value (email)=(" + CANARY + ")", "23505");
        RuntimeException failure = new IllegalStateException("could not store " + CANARY,
                new ConstraintViolationException("insert failed for " + CANARY, sql, "contact_email_key"));

        String described = SafeThrowables.describe(failure);

        assertThat(described).doesNotContain(CANARY).doesNotContain("duplicate key")
                .contains("java.lang.IllegalStateException at org.hotline.platform.SafeThrowablesTest")
                .contains("org.hibernate.exception.ConstraintViolationException [constraint contact_email_key]")
                .contains("java.sql.SQLException [SQLSTATE 23505]");
    }

    @Test
    void namesTheTopicsABrokerRefused() {
        String described = SafeThrowables.describe(
                new TopicAuthorizationException(Set.of("hotline.tips.v1")));
        assertThat(described).contains("[topics hotline.tips.v1]");
    }

    @Test
    void aLibrarysFailureAlsoSaysWhereOurCodeCalledIt() {
        NumberFormatException thrownInTheJdk;
        try {
            Integer.parseInt(CANARY);
            throw new AssertionError("unreachable");
        } catch (NumberFormatException e) {
            thrownInTheJdk = e;
        }
        String described = SafeThrowables.describe(thrownInTheJdk);
        assertThat(described).doesNotContain(CANARY).contains(" at java.base/java.lang.")
                .contains(" from org.hotline.platform.SafeThrowablesTest");
    }
}
