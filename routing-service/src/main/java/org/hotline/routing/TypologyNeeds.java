package org.hotline.routing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Typology;

/**
 * The needs a Polaris type implies whatever the reporter ticked, added to a contact's own: where people are made to
 * work (a farm, a building site, a home), a labour-rights organisation and legal help (wages, visas, contracts); a
 * person kept by one other (forced marriage), domestic-violence services and legal help; someone made to commit
 * crimes, legal help. The sex-trade types add none: their needs follow from the indicators (danger, a minor), as before.
 */
public final class TypologyNeeds {

    private static final Set<Need> LABOUR = EnumSet.of(Need.LABOR_RIGHTS, Need.LEGAL);
    private static final Map<Typology, Set<Need>> IMPLIED = new EnumMap<>(Typology.class);

    static {
        for (Typology labour : EnumSet.of(Typology.AGRICULTURE_ANIMAL_HUSBANDRY, Typology.DOMESTIC_WORK,
                Typology.CONSTRUCTION, Typology.LANDSCAPING, Typology.FORESTRY_LOGGING,
                Typology.FACTORIES_MANUFACTURING, Typology.TRAVELING_SALES_CREWS, Typology.RESTAURANTS_FOOD_SERVICE,
                Typology.HOTELS_HOSPITALITY, Typology.COMMERCIAL_CLEANING, Typology.CARNIVALS, Typology.HEALTH_CARE,
                Typology.RECREATIONAL_FACILITIES, Typology.HEALTH_BEAUTY_SERVICES, Typology.PEDDLING_BEGGING)) {
            IMPLIED.put(labour, LABOUR);
        }
        IMPLIED.put(Typology.PERSONAL_SEXUAL_SERVITUDE, EnumSet.of(Need.DOMESTIC_VIOLENCE, Need.LEGAL));
        IMPLIED.put(Typology.ILLICIT_ACTIVITIES, EnumSet.of(Need.LEGAL));
    }

    private TypologyNeeds() {
    }

    /** The contact's needs with those its type implies; the same set when there is no type or it implies none. */
    public static Set<Need> with(Set<Need> needs, Typology typology) {
        Set<Need> implied = typology == null ? Set.of() : IMPLIED.getOrDefault(typology, Set.of());
        if (implied.isEmpty()) {
            return needs;
        }
        Set<Need> all = EnumSet.copyOf(implied);
        all.addAll(needs);
        return all;
    }
}
