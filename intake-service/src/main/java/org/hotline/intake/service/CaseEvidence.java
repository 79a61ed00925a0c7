package org.hotline.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.repository.SignalFingerprintRepository.Match;

/**
 * What the look-ups found for one new signal, per open case, and what it is worth. Points are rough log-odds: each
 * halving of the number of open cases a piece of evidence points at is worth one point more, so evidence that many open
 * cases share is worth little however much of it there is.
 * <ul>
 * <li>Strong — any one suggests a case: the same callback phone or e-mail ({@value #PHONE_OR_EMAIL} points), the same
 * normalised venue address in the same state ({@value #VENUE}), a near-duplicate description (estimated Jaccard
 * similarity of word bigrams at least {@value #NEAR_DUPLICATE}, both texts of at least {@value #MIN_SHINGLES}
 * bigrams: {@value #NEAR_DUPLICATE_TEXT}). A phone, e-mail or address found in n open cases loses ⌊log2 n⌋ points:
 * a number that many open cases share (an outreach worker's, a shelter's) says less about each.</li>
 * <li>Weak — worth something only together: the case is in the signal's county and state, has a signal of the same
 * Polaris type within {@link #WINDOW} of it (one look-up of the place-and-type index): {@value #PLACE_TYPE_TIME}
 * points minus ⌊log2 n⌋, n being the open cases of that type in that county within the window (counted up to the
 * look-up's bound); and a partial text similarity (at least {@value #PARTIAL_TEXT}, or a near-duplicate of a short
 * text): {@value #PARTIAL_TEXT_POINTS}. Place, type and time alone reach the threshold only when at most three open
 * cases share them, and then rank below any strong match.</li>
 * </ul>
 * A case is suggested from {@value #THRESHOLD} points; at most {@value #TOP_K}, best first (ties: the newest matching
 * signal). Reasons that held but earned nothing (the same county alone, say) are still shown to staff.
 */
public final class CaseEvidence {

    public static final int THRESHOLD = 4;
    public static final int TOP_K = 5;
    static final int PHONE_OR_EMAIL = 10;
    static final int VENUE = 9;
    static final int NEAR_DUPLICATE_TEXT = 9;
    static final int PLACE_TYPE_TIME = 5;
    static final int PARTIAL_TEXT_POINTS = 3;
    static final double NEAR_DUPLICATE = 0.5;
    static final double PARTIAL_TEXT = 0.2;
    static final int MIN_SHINGLES = 6;
    static final Duration WINDOW = Duration.ofDays(90);

    /** Why a case is suggested; stored comma-separated in {@code case_suggestion.reasons}. */
    public enum Reason {
        PHONE, EMAIL, VENUE, TEXT, PLACE, TYPOLOGY, TIME_WINDOW
    }

    /** A case that made the cut: its reasons, its points and, when texts were compared, the best similarity. */
    public record Ranked(UUID caseId, Set<Reason> reasons, int score, Double similarity) {
    }

    private final Instant receivedAt;
    private final String place;
    private final Typology typology;
    private final int shingles;
    private final Map<UUID, Candidate> candidates = new LinkedHashMap<>();

    /**
     * For a new signal: when it was received, where, of which type, and how many word bigrams its description has
     * (0 without one).
     */
    public CaseEvidence(Instant receivedAt, Location location, Typology typology, int shingles) {
        this.receivedAt = receivedAt;
        this.place = BlindIndexes.place(location);
        this.typology = typology;
        this.shingles = shingles;
    }

    /** The time window the place-and-type look-up reads. */
    public Instant windowFrom() {
        return receivedAt.minus(WINDOW);
    }

    public Instant windowTo() {
        return receivedAt.plus(WINDOW);
    }

    /** The matches of one phone, e-mail or venue look-up. */
    public void sameIndex(BlindIndexes.Kind kind, List<Match> matches) {
        Reason reason = switch (kind) {
            case PHONE -> Reason.PHONE;
            case EMAIL -> Reason.EMAIL;
            case VENUE -> Reason.VENUE;
            case PLACE_TYPE -> throw new IllegalArgumentException("the place-and-type look-up is weighed apart");
        };
        int points = (kind == BlindIndexes.Kind.VENUE ? VENUE : PHONE_OR_EMAIL) - log2(distinctCases(matches));
        for (Match match : matches) {
            candidate(match).earn(reason, points);
        }
    }

    /**
     * The matches of the place-and-type look-up within the window; their texts are compared with {@code signature},
     * the new signal's under the key the look-up was made with (null: no description).
     */
    public void samePlaceAndType(List<Match> matches, long[] signature) {
        int points = Math.max(0, PLACE_TYPE_TIME - log2(distinctCases(matches)));
        for (Match match : matches) {
            Candidate candidate = candidate(match);
            candidate.placeTypeTime = Math.max(candidate.placeTypeTime, points);
            compareTexts(candidate, match, signature);
        }
    }

    /** The matches of the MinHash band look-up made with {@code signature}: only their text similarity counts. */
    public void sharingABand(List<Match> matches, long[] signature) {
        for (Match match : matches) {
            compareTexts(candidate(match), match, signature);
        }
    }

    /** The cases worth suggesting, best first, at most {@value #TOP_K}. */
    public List<Ranked> ranked() {
        List<Ranked> ranked = new ArrayList<>();
        candidates.values().stream()
                .filter(c -> c.score() >= THRESHOLD)
                .sorted(Comparator.comparingInt(Candidate::score).reversed()
                        .thenComparing(c -> c.newest, Comparator.reverseOrder()))
                .limit(TOP_K)
                .forEach(c -> ranked.add(new Ranked(c.caseId, c.reasons(), c.score(), c.similarity)));
        return ranked;
    }

    private void compareTexts(Candidate candidate, Match match, long[] signature) {
        if (signature == null || match.signature() == null) {
            return;
        }
        double similarity = MinHash.similarity(signature, match.signature());
        if (similarity < PARTIAL_TEXT) {
            return;
        }
        candidate.similarity = candidate.similarity == null ? similarity : Math.max(candidate.similarity, similarity);
        boolean longEnough = shingles >= MIN_SHINGLES
                && (match.shingles() == null || match.shingles() >= MIN_SHINGLES);
        candidate.earn(Reason.TEXT, similarity >= NEAR_DUPLICATE && longEnough ? NEAR_DUPLICATE_TEXT
                : PARTIAL_TEXT_POINTS);
    }

    private Candidate candidate(Match match) {
        Candidate candidate = candidates.computeIfAbsent(match.caseId(), Candidate::new);
        candidate.seen(match);
        return candidate;
    }

    private static int distinctCases(Collection<Match> matches) {
        Set<UUID> cases = new HashSet<>();
        matches.forEach(m -> cases.add(m.caseId()));
        return cases.size();
    }

    /** ⌊log2 n⌋ for n ≥ 1, 0 otherwise. */
    static int log2(int n) {
        return n <= 1 ? 0 : 31 - Integer.numberOfLeadingZeros(n);
    }

    /** One open case found by at least one look-up: the points of each reason, the best of each kind counted once. */
    private final class Candidate {

        private final UUID caseId;
        private final Map<Reason, Integer> points = new EnumMap<>(Reason.class);
        private final Set<Reason> held = EnumSet.noneOf(Reason.class);
        private int placeTypeTime = -1;
        private Double similarity;
        private Instant newest = Instant.MIN;

        Candidate(UUID caseId) {
            this.caseId = caseId;
        }

        void seen(Match match) {
            if (match.receivedAt().isAfter(newest)) {
                newest = match.receivedAt();
            }
            if (place != null && place.equals(BlindIndexes.place(new Location(null, match.county(), match.state(),
                    null, null)))) {
                held.add(Reason.PLACE);
            }
            if (typology != null && typology.name().equals(match.typology())) {
                held.add(Reason.TYPOLOGY);
            }
            if (Duration.between(match.receivedAt(), receivedAt).abs().compareTo(WINDOW) <= 0) {
                held.add(Reason.TIME_WINDOW);
            }
        }

        void earn(Reason reason, int earned) {
            points.merge(reason, earned, Math::max);
        }

        int score() {
            int score = points.values().stream().mapToInt(Integer::intValue).sum();
            return score + Math.max(placeTypeTime, 0);
        }

        Set<Reason> reasons() {
            Set<Reason> reasons = EnumSet.copyOf(held);
            reasons.addAll(points.keySet());
            if (placeTypeTime >= 0) {
                reasons.addAll(EnumSet.of(Reason.PLACE, Reason.TYPOLOGY, Reason.TIME_WINDOW));
            }
            return reasons;
        }
    }
}
