package org.hotline.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed (never after a rollback, which left nothing to act on),
 * at most once per transaction and {@code key}: a transaction that appends many rows wakes their reader once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable onCommit) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    onCommit.run();
                }
            }
        });
    }
}
