package org.hotline.intake.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.hotline.intake.PersonalData;
import org.jboss.logging.Logger;

/**
 * Contacts and messages stored before personal data was sealed (migration V4) hold it in plain-text columns. At
 * start-up this seals each such row and empties those columns, in batches, so no plain text outlives an upgrade.
 */
@ApplicationScoped
public class LegacyPlaintextSealer {

    private static final Logger LOG = Logger.getLogger(LegacyPlaintextSealer.class);
    private static final int BATCH = 200;

    private final EntityManager entityManager;
    private final PersonalDataVault vault;

    public LegacyPlaintextSealer(EntityManager entityManager, PersonalDataVault vault) {
        this.entityManager = entityManager;
        this.vault = vault;
    }

    void onStart(@Observes StartupEvent start) {
        int contacts = 0;
        int sealed;
        do {
            sealed = QuarkusTransaction.requiringNew().call(this::sealContacts);
            contacts += sealed;
        } while (sealed == BATCH);
        int messages = 0;
        do {
            sealed = QuarkusTransaction.requiringNew().call(this::sealMessages);
            messages += sealed;
        } while (sealed == BATCH);
        if (contacts + messages > 0) {
            LOG.infof("Sealed the plain-text personal data of %d contacts and %d messages stored before V4",
                    contacts, messages);
        }
    }

    @SuppressWarnings("unchecked")
    private int sealContacts() {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, description, reporter_name, reporter_phone, "
                + "reporter_email FROM contact WHERE description IS NOT NULL OR reporter_name IS NOT NULL "
                + "OR reporter_phone IS NOT NULL OR reporter_email IS NOT NULL LIMIT " + BATCH + " FOR UPDATE")
                .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            byte[] sealed = vault.seal(id, new PersonalData((String) row[1], (String) row[2], (String) row[3],
                    (String) row[4]));
            entityManager.createNativeQuery("UPDATE contact SET personal_data = :sealed, description = NULL, "
                    + "reporter_name = NULL, reporter_phone = NULL, reporter_email = NULL WHERE id = :id")
                    .setParameter("sealed", sealed).setParameter("id", id).executeUpdate();
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private int sealMessages() {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, contact_id, message FROM tip_message "
                + "WHERE message IS NOT NULL LIMIT " + BATCH + " FOR UPDATE").getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            byte[] sealed = vault.sealMessage((UUID) row[1], id, (String) row[2]);
            entityManager.createNativeQuery("UPDATE tip_message SET sealed_message = :sealed, message = NULL "
                    + "WHERE id = :id").setParameter("sealed", sealed).setParameter("id", id).executeUpdate();
        }
        return rows.size();
    }
}
