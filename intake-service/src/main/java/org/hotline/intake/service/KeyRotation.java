package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hotline.intake.CaseKey;
import org.hotline.intake.ContactKey;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.intake.repository.CaseKeyRepository;
import org.hotline.intake.repository.ContactKeyRepository;
import org.jboss.logging.Logger;

/**
 * Re-wraps contacts' data keys that are still under an older key-encryption key with the current one. Only the small
 * wrapped keys change; the sealed data stays as it is. Runs in the background in batches (instances share the work),
 * so a KEK can be rotated while the service keeps serving.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final ContactKeyRepository contactKeys;
    private final CaseKeyRepository caseKeys;
    private final KeyEncryptionKeys keks;
    private final IntakeConfig config;
    private final Clock clock;

    public KeyRotation(ContactKeyRepository contactKeys, CaseKeyRepository caseKeys, KeyEncryptionKeys keks,
            IntakeConfig config, Clock clock) {
        this.contactKeys = contactKeys;
        this.caseKeys = caseKeys;
        this.keks = keks;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "intake-key-rotation", every = "${hotline.intake.encryption.rotation-interval:1m}",
            delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rotate();
    }

    /** Re-wraps every data key not under the current KEK; answers how many. */
    public int rotate() {
        int batch = config.encryption().rotationBatchSize();
        int total = 0;
        int rewrapped;
        do {
            rewrapped = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(batch));
            total += rewrapped;
        } while (rewrapped == batch);
        do {
            rewrapped = QuarkusTransaction.requiringNew().call(() -> rewrapCaseBatch(batch));
            total += rewrapped;
        } while (rewrapped == batch);
        if (total > 0) {
            LOG.infof("Key rotation: re-wrapped %d data keys with key-encryption key '%s'", total,
                    keks.currentKeyId());
        }
        return total;
    }

    private int rewrapBatch(int batch) {
        List<ContactKey> stale = contactKeys.lockNotWrappedBy(keks.currentKeyId(), batch);
        Instant now = Instant.now(clock);
        for (ContactKey key : stale) {
            byte[] dataKey = keks.unwrap(key.kekId(), key.contactId(), key.wrappedKey());
            try {
                key.rewrap(keks.currentKeyId(), keks.wrap(key.contactId(), dataKey), now);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        return stale.size();
    }

    /** Cases' note keys, as contacts' data keys; the case id is bound in as the contact id is. */
    private int rewrapCaseBatch(int batch) {
        List<CaseKey> stale = caseKeys.lockNotWrappedBy(keks.currentKeyId(), batch);
        for (CaseKey key : stale) {
            byte[] dataKey = keks.unwrap(key.kekId(), key.caseId(), key.wrappedKey());
            try {
                key.rewrap(keks.currentKeyId(), keks.wrap(key.caseId(), dataKey));
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        return stale.size();
    }
}
