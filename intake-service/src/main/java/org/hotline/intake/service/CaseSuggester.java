package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.transaction.Transactional;

import org.hotline.intake.CaseSuggestion;
import org.hotline.intake.Contact;
import org.hotline.intake.PersonalData;
import org.hotline.intake.repository.CaseSuggestionRepository;
import org.hotline.intake.repository.SignalFingerprintRepository;

/**
 * When a signal is stored, proposes the open cases it may belong to, without decrypting anything: its fingerprint
 * (blind indexes and MinHash, {@link SignalFingerprints}) is stored, then looked up by indexed equality only, each
 * look-up bounded, never by reading every case: the newest {@value #MATCHES_PER_INDEX} open-case signals with the same
 * phone, e-mail or venue; the newest {@value #PLACE_TYPE_MATCHES} of the same type in the same county within the time
 * window (with their text signatures, compared here); at most {@value #TEXT_CANDIDATES} sharing a MinHash band. What
 * they found is weighed, cut and ranked by {@link CaseEvidence}; the suggestions are stored with their reasons and
 * score. A suggestion is only a suggestion: staff confirm or reject it ({@code CaseSuggestions}).
 */
@ApplicationScoped
public class CaseSuggester {

    /** Newest matches read per blind index: a shared number cannot make one look-up read thousands of rows. */
    static final int MATCHES_PER_INDEX = 25;
    /** Newest same-place-same-type signals read: enough to tell a quiet county from a busy one. */
    static final int PLACE_TYPE_MATCHES = 64;
    static final int TEXT_CANDIDATES = 100;

    private final SignalFingerprints fingerprints;
    private final SignalFingerprintRepository stored;
    private final CaseSuggestionRepository suggestions;
    private final Clock clock;
    private final Timer timer;

    public CaseSuggester(SignalFingerprints fingerprints, SignalFingerprintRepository stored,
            CaseSuggestionRepository suggestions, Clock clock, MeterRegistry registry) {
        // The suggestion benchmark reads its percentiles from /q/metrics.
        this.timer = Timer.builder("hotline.cases.suggestion")
                .description("Time to fingerprint a new signal and store its case suggestions")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.fingerprints = fingerprints;
        this.stored = stored;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /**
     * Stores the new signal's fingerprint and its suggestions, in the caller's transaction: the signal and what links
     * it commit together, and the look-ups are a few bounded index reads that take no lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaseSuggestion> onSignal(Contact signal, PersonalData data) {
        // The signal's own rows go first (its fingerprints reference it); the first native statement would write
        // them anyway. The timer then measures the suggestion's work alone, not the submission's inserts.
        stored.writePending();
        return timer.record(() -> suggest(signal, data));
    }

    private List<CaseSuggestion> suggest(Contact signal, PersonalData data) {
        // The first is under the current key: the one stored (computed once: hashing a long description costs).
        List<SignalFingerprints.Fingerprint> lookups = fingerprints.forLookup(data, signal.location(),
                signal.typology());
        SignalFingerprints.Fingerprint current = lookups.get(0);
        stored.store(signal.id(), signal.receivedAt(), current);
        CaseEvidence evidence = new CaseEvidence(signal.receivedAt(), signal.location(), signal.typology(),
                current.shingles());
        for (SignalFingerprints.Fingerprint fingerprint : lookups) {
            for (BlindIndexes.Index index : fingerprint.indexes()) {
                if (index.kind() == BlindIndexes.Kind.PLACE_TYPE) {
                    evidence.samePlaceAndType(stored.samePlaceAndType(index, signal.id(), evidence.windowFrom(),
                            evidence.windowTo(), PLACE_TYPE_MATCHES), fingerprint.signature());
                } else {
                    evidence.sameIndex(index.kind(), stored.sameIndex(index, signal.id(), MATCHES_PER_INDEX));
                }
            }
            if (fingerprint.signature() != null) {
                evidence.sharingABand(stored.sharingABand(fingerprint.keyId(), fingerprint.signature(), signal.id(),
                        TEXT_CANDIDATES), fingerprint.signature());
            }
        }
        Instant now = Instant.now(clock);
        List<CaseSuggestion> made = new ArrayList<>();
        for (CaseEvidence.Ranked ranked : evidence.ranked()) {
            CaseSuggestion suggestion = new CaseSuggestion(signal.id(), ranked.caseId(),
                    ranked.reasons().stream().map(Enum::name).collect(Collectors.joining(",")), ranked.score(),
                    ranked.similarity() == null ? null : ranked.similarity().floatValue(), now);
            suggestions.persist(suggestion);
            made.add(suggestion);
        }
        return made;
    }
}
