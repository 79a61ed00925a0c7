package org.hotline.contracts.events;

import java.util.List;

import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;

/**
 * What every case event says of the case as it stands after the change: no personal data (no venue address, no
 * notes, no names), only the references of its signals, the typology, the county and state, and counts.
 */
public record CaseFacts(
        CaseStatus status,
        Typology typology,
        TraffickingType traffickingType,
        String county,
        String state,
        List<String> signals,
        int victims,
        int minors,
        int victimsIdentified,
        int victimsServed,
        String assignee) {
}
