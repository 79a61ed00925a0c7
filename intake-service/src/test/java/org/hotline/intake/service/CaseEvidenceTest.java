package org.hotline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.intake.repository.SignalFingerprintRepository.Match;
import org.hotline.intake.service.CaseEvidence.Ranked;
import org.hotline.intake.service.CaseEvidence.Reason;
import org.junit.jupiter.api.Test;

/** The weighing of case suggestions on its own: what each piece of evidence is worth, the threshold and the cut. */
class CaseEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Location FRESNO = new Location(null, "Fresno", "CA", null, null);
    private static final MinHash MIN_HASH = new MinHash("test key for minhash only".getBytes(StandardCharsets.UTF_8));
    private static final String TEXT = "the foreman drives a white van to the packing shed every night and locks"
            + " the workers inside the barn until morning when they are driven to the fields";

    @Test
    void placeTypeAndTimeAloneAreWorthLessTheMoreOpenCasesShareThem() {
        CaseEvidence alone = evidence(null);
        UUID only = UUID.randomUUID();
        alone.samePlaceAndType(List.of(match(only, Duration.ofDays(3), null)), null);
        assertThat(alone.ranked()).singleElement().satisfies(r -> {
            assertThat(r.caseId()).isEqualTo(only);
            assertThat(r.reasons()).containsExactlyInAnyOrder(Reason.PLACE, Reason.TYPOLOGY, Reason.TIME_WINDOW);
            assertThat(r.score()).isEqualTo(CaseEvidence.PLACE_TYPE_TIME);
        });

        CaseEvidence busy = evidence(null);
        busy.samePlaceAndType(matches(4, null), null);
        assertThat(busy.ranked()).isEmpty();
    }

    @Test
    void aPartialTextSimilarityWithTheSamePlaceTypeAndTimeIsEnoughWhereEitherAloneIsNot() {
        long[] mine = MIN_HASH.signature(TEXT);
        long[] half = MIN_HASH.signature(TEXT.replace("white van", "red truck").replace("every night",
                "on weekdays").replace("driven to the fields", "bused to orchards"));
        double similarity = MinHash.similarity(mine, half);
        assertThat(similarity).isBetween(CaseEvidence.PARTIAL_TEXT, CaseEvidence.NEAR_DUPLICATE);

        CaseEvidence evidence = evidence(mine);
        UUID related = UUID.randomUUID();
        List<Match> county = new ArrayList<>(matches(7, null));
        county.add(match(related, Duration.ofDays(1), half));
        evidence.samePlaceAndType(county, mine);
        assertThat(evidence.ranked()).singleElement().satisfies(r -> {
            assertThat(r.caseId()).isEqualTo(related);
            assertThat(r.reasons()).contains(Reason.TEXT, Reason.PLACE);
            assertThat(r.similarity()).isEqualTo(similarity);
        });
    }

    @Test
    void aPhoneMatchRanksAboveAPlaceMatchAndANearDuplicateTextSufficesAlone() {
        long[] mine = MIN_HASH.signature(TEXT);
        CaseEvidence evidence = evidence(mine);
        UUID byPhone = UUID.randomUUID();
        UUID byPlace = UUID.randomUUID();
        UUID byText = UUID.randomUUID();
        evidence.sameIndex(BlindIndexes.Kind.PHONE, List.of(new Match(byPhone, "Kern", "CA", "CONSTRUCTION",
                NOW.minus(Duration.ofDays(400)), null, null)));
        evidence.samePlaceAndType(List.of(match(byPlace, Duration.ofDays(2), null)), mine);
        evidence.sharingABand(List.of(new Match(byText, "Kern", "CA", null, NOW.minus(Duration.ofDays(200)),
                MIN_HASH.signature(TEXT.replace("white", "grey")), 30)), mine);
        List<Ranked> ranked = evidence.ranked();
        assertThat(ranked).extracting(Ranked::caseId).containsExactly(byPhone, byText, byPlace);
        assertThat(ranked.get(0).reasons()).containsExactly(Reason.PHONE);
        assertThat(ranked.get(1).reasons()).containsExactly(Reason.TEXT);
    }

    @Test
    void aShortTextIsNeverANearDuplicate() {
        long[] mine = MIN_HASH.signature("massage parlor");
        CaseEvidence evidence = new CaseEvidence(NOW, FRESNO, null, 1);
        evidence.sharingABand(List.of(new Match(UUID.randomUUID(), "Kern", "CA", null, NOW, mine, 1)), mine);
        assertThat(evidence.ranked()).isEmpty();
    }

    @Test
    void aNumberManyOpenCasesShareIsWorthLessAndAtMostFiveAreSuggestedTheNewestFirst() {
        CaseEvidence evidence = evidence(null);
        List<Match> shared = IntStream.range(0, 9).mapToObj(i -> new Match(UUID.randomUUID(), "Kern", "CA", null,
                NOW.minus(Duration.ofDays(i + 1)), null, null)).toList();
        evidence.sameIndex(BlindIndexes.Kind.PHONE, shared);
        List<Ranked> ranked = evidence.ranked();
        assertThat(ranked).hasSize(CaseEvidence.TOP_K);
        assertThat(ranked).extracting(Ranked::caseId)
                .containsExactlyElementsOf(shared.subList(0, 5).stream().map(Match::caseId).toList());
        assertThat(ranked).allSatisfy(r -> assertThat(r.score()).isEqualTo(CaseEvidence.PHONE_OR_EMAIL - 3));
    }

    private static CaseEvidence evidence(long[] signature) {
        return new CaseEvidence(NOW, FRESNO, Typology.AGRICULTURE_ANIMAL_HUSBANDRY,
                signature == null ? 0 : MinHash.shingles(TEXT).size());
    }

    private static List<Match> matches(int n, long[] signature) {
        return IntStream.range(0, n).mapToObj(i -> match(UUID.randomUUID(), Duration.ofDays(i + 1), signature))
                .toList();
    }

    private static Match match(UUID caseId, Duration ago, long[] signature) {
        return new Match(caseId, "Fresno", "CA", Typology.AGRICULTURE_ANIMAL_HUSBANDRY.name(), NOW.minus(ago),
                signature, signature == null ? null : 20);
    }
}
