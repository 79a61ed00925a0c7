package org.hotline.contracts.vocabulary;

/**
 * The Polaris typology of human trafficking: 25 types of venue or industry in which trafficking is found, each
 * mapped to sex trafficking, labour trafficking or both. Recorded beside the four-word {@link TraffickingType}, which
 * stays readable on old events; {@link #traffickingType()} derives the four-word value from a type.
 */
public enum Typology {
    ESCORT_SERVICES(TraffickingType.SEX),
    ILLICIT_MASSAGE_HEALTH_BEAUTY(TraffickingType.SEX),
    OUTDOOR_SOLICITATION(TraffickingType.SEX),
    RESIDENTIAL(TraffickingType.SEX),
    DOMESTIC_WORK(TraffickingType.LABOR),
    BARS_STRIP_CLUBS_CANTINAS(TraffickingType.SEX_AND_LABOR),
    PORNOGRAPHY(TraffickingType.SEX),
    TRAVELING_SALES_CREWS(TraffickingType.LABOR),
    RESTAURANTS_FOOD_SERVICE(TraffickingType.LABOR),
    PEDDLING_BEGGING(TraffickingType.LABOR),
    AGRICULTURE_ANIMAL_HUSBANDRY(TraffickingType.LABOR),
    PERSONAL_SEXUAL_SERVITUDE(TraffickingType.SEX),
    HEALTH_BEAUTY_SERVICES(TraffickingType.LABOR),
    CONSTRUCTION(TraffickingType.LABOR),
    HOTELS_HOSPITALITY(TraffickingType.LABOR),
    LANDSCAPING(TraffickingType.LABOR),
    ILLICIT_ACTIVITIES(TraffickingType.LABOR),
    ARTS_ENTERTAINMENT(TraffickingType.SEX_AND_LABOR),
    COMMERCIAL_CLEANING(TraffickingType.LABOR),
    FACTORIES_MANUFACTURING(TraffickingType.LABOR),
    REMOTE_INTERACTIVE_SEXUAL_ACTS(TraffickingType.SEX),
    CARNIVALS(TraffickingType.LABOR),
    FORESTRY_LOGGING(TraffickingType.LABOR),
    HEALTH_CARE(TraffickingType.LABOR),
    RECREATIONAL_FACILITIES(TraffickingType.LABOR);

    private final TraffickingType traffickingType;

    Typology(TraffickingType traffickingType) {
        this.traffickingType = traffickingType;
    }

    /** Sex, labour or both: the four-word value this type implies. */
    public TraffickingType traffickingType() {
        return traffickingType;
    }

    /** Whether two four-word values can describe the same situation (both includes each; unknown matches nothing). */
    public static boolean overlap(TraffickingType a, TraffickingType b) {
        if (a == null || b == null || a == TraffickingType.UNKNOWN || b == TraffickingType.UNKNOWN) {
            return false;
        }
        return a == b || a == TraffickingType.SEX_AND_LABOR || b == TraffickingType.SEX_AND_LABOR;
    }
}
