package org.hotline.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aCommitRolledBackBecauseTheConnectionBrokeIsRetried() {
        // What Narayana throws when PostgreSQL stops during the commit: the SQL error is logged, not chained.
        RuntimeException commitFailed = new IllegalStateException("commit failed",
                new RollbackException("ARJUNA016053: Could not commit transaction."));

        assertThat(TransientFailures.isTransient(commitFailed)).isTrue();
    }

    @Test
    void aCommitRolledBackByAConstraintViolationIsNot() {
        RollbackException rolledBack = new RollbackException("rolled back");
        rolledBack.initCause(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value", "23505"), "processed_event_pkey"));

        assertThat(TransientFailures.isTransient(new IllegalStateException("commit failed", rolledBack))).isFalse();
    }

    @Test
    void connectionAndSerializationFailuresAreRetriedOtherSqlErrorsAreNot() {
        assertThat(TransientFailures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("null value", "23502"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad payload"))).isFalse();
    }
}
