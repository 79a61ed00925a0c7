package org.hotline.routing.rest;

import java.util.List;

/**
 * {@code GET /api/v1/partners/{organizationId}/referrals}: referrals in issue order and the opaque cursor to pass as
 * {@code after} next time (null only while the organisation has had no referral at all).
 */
public record ReferralFeedPage(List<PartnerReferralView> items, String nextCursor) {
}
