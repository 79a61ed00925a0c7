package org.hotline.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;

import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure that goes away by itself (the database restarting, a lock timeout, a serialization conflict) from
 * one that only a fix can cure (a bug in a handler). Both are retried, never dead-lettered; the second kind is logged
 * as an error and counted as a handler failure, which raises an alert.
 */
final class TransientFailures {

    /** SQLSTATE classes: connection exception, insufficient resources, operator intervention, transaction rollback. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53", "57", "40");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        boolean rolledBackAtCommit = false;
        boolean sqlFailure = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            rolledBackAtCommit |= t instanceof RollbackException;
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException || t instanceof LockTimeoutException
                    || t instanceof PessimisticLockException || t instanceof QueryTimeoutException
                    || t instanceof RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                sqlFailure = true;
                String state = sql.getSQLState();
                // No SQLSTATE: the pool, not the server, failed (e.g. no connection could be acquired).
                if (state == null || state.length() < 2 || TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        // The transaction manager rolled the transaction back at commit with no SQL error behind it: the database
        // connection broke during the commit (PostgreSQL stopped, found by the fault suite), and nothing of the
        // handler's was committed, so a retry is safe. A rollback at commit caused by a SQL error (a constraint
        // violated at flush) carries that error and is judged by it above.
        return rolledBackAtCommit && !sqlFailure;
    }
}
