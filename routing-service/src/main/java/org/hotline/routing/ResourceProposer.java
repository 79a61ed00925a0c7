package org.hotline.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;

/**
 * Proposes up to {@value #MAX} resources of the library to send a general-information or training request (see
 * {@link #proposesFor}), and says
 * why, as referral targets are explained: {@code resource: <title> (<why>)} for each chosen, {@code passed over
 * resource: <title> (<why>)} for each that shares a topic with the contact but cannot be sent or ranks lower. A
 * resource suits when it is published and not retired today with a link to send, shares a topic with the contact (its
 * needs, and TRAINING or INFORMATION by the call type), is written for the caller's audience or the public, and is in
 * the contact's language; English ones make up the number when too few are in it. Pure: the catalogue is given.
 */
public final class ResourceProposer {

    public static final int MAX = 3;

    /** What a decision proposes, and its explanation lines. */
    public record Proposal(List<RoutingDecided.ProposedResource> resources, List<String> rules) {
    }

    private ResourceProposer() {
    }

    /**
     * Whether the contact is proposed resources: a general-information or training request, or a tip whose needs ask
     * for information or training (the public form's way of asking, and the one contact staff can reply to in
     * writing).
     */
    public static boolean proposesFor(ContactFacts contact) {
        if (contact.callType() == CallType.GENERAL_INFO || contact.callType() == CallType.TRAINING_TA) {
            return true;
        }
        return contact.callType() == CallType.TIP && contact.needs() != null
                && (contact.needs().contains(Need.INFORMATION) || contact.needs().contains(Need.TRAINING));
    }

    public static Proposal propose(ContactFacts contact, List<CatalogueResource> catalogue, LocalDate today) {
        if (!proposesFor(contact)) {
            return new Proposal(List.of(), List.of());
        }
        Set<String> wanted = wantedTopics(contact);
        ResourceAudience audience = CallerAudience.of(contact.callerType());
        String language = primary(contact.language() == null ? "en" : contact.language());
        List<String> rules = new ArrayList<>();
        rules.add("resources: topics " + wanted + ", audience " + audience + ", language " + language);
        if (catalogue.isEmpty()) {
            rules.add("no resource to propose: the resource catalogue is empty");
            return new Proposal(List.of(), rules);
        }
        List<Candidate> inLanguage = new ArrayList<>();
        List<Candidate> inEnglish = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        int unrelated = 0;
        for (CatalogueResource resource : catalogue) {
            // In the contact's order (the needs' declaration order), never the resource's set order, so the
            // explanation reads the same on every run.
            Set<String> shared = new LinkedHashSet<>(wanted);
            shared.retainAll(resource.topics());
            if (shared.isEmpty()) {
                unrelated++;
                continue;
            }
            String unavailable = resource.unavailableReason(today);
            boolean specific = resource.audiences().contains(audience);
            if (unavailable != null) {
                passedOver.add(passedOver(resource, unavailable));
            } else if (!specific && !resource.audiences().contains(ResourceAudience.PUBLIC)) {
                passedOver.add(passedOver(resource, "written for " + resource.audiences() + ", not " + audience));
            } else if (speaks(resource, language)) {
                inLanguage.add(new Candidate(resource, shared, specific, false));
            } else if (speaks(resource, "en")) {
                inEnglish.add(new Candidate(resource, shared, specific, true));
            } else {
                passedOver.add(passedOver(resource, "not in " + language + " nor English"));
            }
        }
        inLanguage.sort(Candidate.RANKING);
        inEnglish.sort(Candidate.RANKING);
        List<Candidate> ranked = new ArrayList<>(inLanguage);
        ranked.addAll(inEnglish); // empty when the contact's language is English

        List<RoutingDecided.ProposedResource> chosen = new ArrayList<>();
        for (Candidate candidate : ranked) {
            CatalogueResource r = candidate.resource();
            if (chosen.size() < MAX) {
                String reason = candidate.reason(audience, language);
                chosen.add(new RoutingDecided.ProposedResource(r.id(), r.title(), r.kind(), r.link(), reason));
                rules.add("resource: " + r.title() + " (" + reason + ")");
            } else {
                passedOver.add(passedOver(r, "ranked below " + MAX + " better resources"));
            }
        }
        rules.addAll(passedOver);
        if (unrelated > 0) {
            rules.add("not examined: " + unrelated + (unrelated == 1 ? " resource shares" : " resources share")
                    + " no topic with the contact");
        }
        if (chosen.isEmpty()) {
            rules.add("no resource to propose: none published for " + audience + " covers " + wanted);
        }
        return new Proposal(List.copyOf(chosen), List.copyOf(rules));
    }

    /**
     * The contact's needs, and what its call type asks for: TRAINING for training, INFORMATION for information (a
     * tip's needs already name which).
     */
    static Set<String> wantedTopics(ContactFacts contact) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        if (contact.needs() != null) {
            needs.addAll(contact.needs());
        }
        if (contact.callType() == CallType.TRAINING_TA) {
            needs.add(Need.TRAINING);
        } else if (contact.callType() == CallType.GENERAL_INFO) {
            needs.add(Need.INFORMATION);
        }
        Set<String> topics = new LinkedHashSet<>();
        needs.forEach(n -> topics.add(n.name()));
        return topics;
    }

    private static boolean speaks(CatalogueResource resource, String language) {
        return resource.languages().stream().anyMatch(l -> primary(l).equals(language));
    }

    /** The primary language subtag, lower case: {@code es-MX} is {@code es}. */
    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static String passedOver(CatalogueResource resource, String why) {
        return "passed over resource: " + resource.title() + " (" + why + ")";
    }

    private record Candidate(CatalogueResource resource, Set<String> shared, boolean specific, boolean english) {

        /** More topics shared first, then written for the caller's own audience over the public, then by title. */
        static final Comparator<Candidate> RANKING = Comparator
                .comparingInt((Candidate c) -> -c.shared().size())
                .thenComparing(c -> !c.specific())
                .thenComparing(c -> c.resource().title(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(c -> c.resource().id());

        String reason(ResourceAudience audience, String language) {
            String audienceText = specific ? "for " + audience : "for the public";
            String languageText = english ? "in English: too few in " + language : "in " + language;
            return "topic " + String.join(", ", shared) + "; " + audienceText + "; " + languageText + "; "
                    + resource.kind();
        }
    }
}
