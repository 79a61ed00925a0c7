package org.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.transaction.Transactional;

import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.CaseFile;
import org.hotline.intake.CaseSuggestion;
import org.hotline.intake.Contact;
import org.hotline.intake.PersonalData;
import org.hotline.intake.repository.CaseRepository;
import org.hotline.intake.repository.CaseSuggestionRepository;
import org.hotline.intake.repository.SignalFingerprintRepository;

/**
 * When a signal is stored, proposes the open cases it may belong to, without decrypting anything: its fingerprint
 * (blind indexes and MinHash, {@link SignalFingerprints}) is stored, then looked up by indexed equality only, never
 * by reading every case. Reasons and their weights:
 * <ul>
 * <li>{@code PHONE}, {@code EMAIL}, {@code VENUE} (the same callback phone, e-mail or venue address in the same
 * state) and {@code TEXT} (descriptions' estimated Jaccard similarity at least {@value #TEXT_SIMILARITY}): strong,
 * 3 each, any one of them suggests the case;</li>
 * <li>{@code PLACE} (the case's county and state are the signal's), {@code TYPOLOGY} (the same Polaris type, or
 * overlapping sex/labour types) and {@code TIME_WINDOW} (a matching signal within {@link #WINDOW} of this one): 1
 * each, all three together suggest it. Signals of the same type in the same county are found through their own
 * blind index (place and type together), so a busy county costs no more than a quiet one.</li>
 * </ul>
 * At most {@value #MAX_SUGGESTIONS} suggestions per signal, best first. A suggestion is only a suggestion: staff
 * confirm or reject it ({@code CaseSuggestions}).
 */
@ApplicationScoped
public class CaseSuggester {

    /** Reasons a case is suggested; stored comma-separated in {@code case_suggestion.reasons}. */
    public enum Reason {
        PHONE(3), EMAIL(3), VENUE(3), TEXT(3), PLACE(1), TYPOLOGY(1), TIME_WINDOW(1);

        final int weight;

        Reason(int weight) {
            this.weight = weight;
        }
    }

    public static final int THRESHOLD = 3;
    public static final double TEXT_SIMILARITY = 0.5;
    public static final int MAX_SUGGESTIONS = 5;
    static final Duration WINDOW = Duration.ofDays(90);
    /** Newest matches read per blind index: a busy county cannot make one lookup read thousands of rows. */
    static final int MATCHES_PER_INDEX = 25;
    static final int TEXT_CANDIDATES = 100;

    private final SignalFingerprints fingerprints;
    private final SignalFingerprintRepository stored;
    private final CaseRepository cases;
    private final CaseSuggestionRepository suggestions;
    private final Clock clock;
    private final Timer timer;

    public CaseSuggester(SignalFingerprints fingerprints, SignalFingerprintRepository stored, CaseRepository cases,
            CaseSuggestionRepository suggestions, Clock clock, MeterRegistry registry) {
        // The suggestion benchmark reads its percentiles from /q/metrics.
        this.timer = Timer.builder("hotline.cases.suggestion")
                .description("Time to fingerprint a new signal and store its case suggestions")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.fingerprints = fingerprints;
        this.stored = stored;
        this.cases = cases;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /** Stores the new signal's fingerprint and its suggestions, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaseSuggestion> onSignal(Contact signal, PersonalData data) {
        return timer.record(() -> suggest(signal, data));
    }

    private List<CaseSuggestion> suggest(Contact signal, PersonalData data) {
        Typology typology = signal.typology();
        // The first is under the current key: the one stored (computed once: hashing a long description costs).
        List<SignalFingerprints.Fingerprint> lookups = fingerprints.forLookup(data, signal.location(), typology);
        stored.store(signal.id(), signal.receivedAt(), lookups.get(0));
        Map<UUID, Candidate> candidates = new LinkedHashMap<>();
        for (SignalFingerprints.Fingerprint fingerprint : lookups) {
            for (BlindIndexes.Index index : fingerprint.indexes()) {
                Reason reason = index.kind() == BlindIndexes.Kind.PLACE_TYPE ? Reason.PLACE
                        : Reason.valueOf(index.kind().name());
                for (var match : stored.inOpenCases(index, signal.id(), MATCHES_PER_INDEX)) {
                    candidates.computeIfAbsent(match.caseId(), Candidate::new).add(reason, match.receivedAt());
                }
            }
            if (fingerprint.signature() != null) {
                for (var match : stored.sharingABand(fingerprint.keyId(), fingerprint.signature(), signal.id(),
                        TEXT_CANDIDATES)) {
                    double similarity = MinHash.similarity(fingerprint.signature(), match.signature());
                    if (similarity >= TEXT_SIMILARITY) {
                        candidates.computeIfAbsent(match.caseId(), Candidate::new).text(similarity, match.receivedAt());
                    }
                }
            }
        }
        Instant now = Instant.now(clock);
        List<CaseSuggestion> made = new ArrayList<>();
        candidates.values().stream()
                .map(candidate -> candidate.judge(signal, cases.findById(candidate.caseId)))
                .filter(candidate -> candidate.score() >= THRESHOLD)
                .sorted(Comparator.comparingInt(Candidate::score).reversed())
                .limit(MAX_SUGGESTIONS)
                .forEach(candidate -> {
                    CaseSuggestion suggestion = new CaseSuggestion(signal.id(), candidate.caseId,
                            candidate.reasons.stream().map(Enum::name).collect(Collectors.joining(",")),
                            candidate.score(), candidate.similarity == null ? null : candidate.similarity.floatValue(),
                            now);
                    suggestions.persist(suggestion);
                    made.add(suggestion);
                });
        return made;
    }

    /** One open case found by at least one lookup, and why. */
    private static final class Candidate {

        private final UUID caseId;
        private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        private final List<Instant> matchedAt = new ArrayList<>();
        private Double similarity;

        Candidate(UUID caseId) {
            this.caseId = caseId;
        }

        void add(Reason reason, Instant receivedAt) {
            reasons.add(reason);
            matchedAt.add(receivedAt);
        }

        void text(double estimate, Instant receivedAt) {
            add(Reason.TEXT, receivedAt);
            similarity = similarity == null ? estimate : Math.max(similarity, estimate);
        }

        Candidate judge(Contact signal, CaseFile found) {
            if (found == null || found.isClosed()) {
                reasons.clear();
                return this;
            }
            boolean sameType = signal.typology() != null && found.typology() != null
                    ? signal.typology() == found.typology()
                    : Typology.overlap(signal.traffickingType() != null ? signal.traffickingType()
                            : signal.typology() == null ? null : signal.typology().traffickingType(),
                            found.traffickingType());
            if (sameType) {
                reasons.add(Reason.TYPOLOGY);
            }
            String place = BlindIndexes.place(signal.location());
            if (place != null && place.equals(BlindIndexes.place(new org.hotline.contracts.events.Location(null,
                    found.county(), found.state(), null, null)))) {
                reasons.add(Reason.PLACE);
            }
            if (matchedAt.stream().anyMatch(at -> Duration.between(at, signal.receivedAt()).abs()
                    .compareTo(WINDOW) <= 0)) {
                reasons.add(Reason.TIME_WINDOW);
            }
            return this;
        }

        int score() {
            return reasons.stream().mapToInt(r -> r.weight).sum();
        }
    }
}
