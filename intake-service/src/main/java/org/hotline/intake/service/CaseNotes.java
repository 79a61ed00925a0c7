package org.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.intake.CaseFile;
import org.hotline.intake.CaseKey;
import org.hotline.intake.CaseNote;
import org.hotline.intake.repository.CaseKeyRepository;
import org.hotline.intake.repository.CaseNoteRepository;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * Staff notes on a case, sealed like contact notes (AES-256-GCM) but with the case's own data key ({@code case_key},
 * wrapped by the current key-encryption key), so a note outlives any one signal's retention. Append-only; every write
 * and read recorded in the audit trail under the case's reference.
 */
@ApplicationScoped
public class CaseNotes {

    private final CaseRepository cases;
    private final CaseNoteRepository notes;
    private final CaseKeyRepository keys;
    private final KeyEncryptionKeys keks;
    private final PersonalDataAudit audit;
    private final StaffMember staff;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CaseNotes(CaseRepository cases, CaseNoteRepository notes, CaseKeyRepository keys, KeyEncryptionKeys keks,
            PersonalDataAudit audit, StaffMember staff, Clock clock) {
        this.cases = cases;
        this.notes = notes;
        this.keys = keys;
        this.keks = keks;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    /** A note as staff read it. */
    public record Opened(String author, Instant createdAt, String text) {

        @Override
        public String toString() {
            return "Opened[" + author + ", " + createdAt + ", text redacted]";
        }
    }

    @Transactional
    public Opened add(String reference, String text) {
        CaseFile c = find(reference);
        CaseNote note = new CaseNote(c.id(), staff.subject(), Instant.now(clock));
        byte[] dataKey = dataKeyFor(c.id());
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        try {
            note.sealText(Aead.seal(new SecretKeySpec(dataKey, "AES"), plain, associatedData(c.id(), note.id()),
                    random));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
        notes.persist(note);
        audit.recordRead(reference, "case.note.add");
        return new Opened(note.author(), note.createdAt(), text);
    }

    @Transactional
    public List<Opened> of(String reference) {
        CaseFile c = find(reference);
        audit.recordRead(reference, "case.notes.view");
        List<CaseNote> found = notes.ofCase(c.id());
        if (found.isEmpty()) {
            return List.of();
        }
        CaseKey key = keys.findById(c.id());
        byte[] dataKey = keks.unwrap(key.kekId(), c.id(), key.wrappedKey());
        try {
            SecretKeySpec spec = new SecretKeySpec(dataKey, "AES");
            return found.stream().map(n -> new Opened(n.author(), n.createdAt(), open(spec, c.id(), n))).toList();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static String open(SecretKeySpec key, UUID caseId, CaseNote note) {
        try {
            return new String(Aead.open(key, note.sealedText(), associatedData(caseId, note.id())),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed case note fails its integrity check", e);
        }
    }

    private byte[] dataKeyFor(UUID caseId) {
        CaseKey existing = keys.findById(caseId);
        if (existing != null) {
            return keks.unwrap(existing.kekId(), caseId, existing.wrappedKey());
        }
        byte[] dataKey = keks.newDataKey();
        keys.persist(new CaseKey(caseId, keks.currentKeyId(), keks.wrap(caseId, dataKey), Instant.now(clock)));
        return dataKey;
    }

    /** Binds a note's text to its case and its id: a sealed text cannot be moved to another note. */
    private static byte[] associatedData(UUID caseId, UUID noteId) {
        return ("hotline-case:" + caseId + ":note:" + noteId).getBytes(StandardCharsets.UTF_8);
    }

    private CaseFile find(String reference) {
        return cases.findByReference(reference).orElseThrow(() -> ProblemException.notFound("Case " + reference));
    }
}
