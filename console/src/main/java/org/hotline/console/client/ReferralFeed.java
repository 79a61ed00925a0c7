package org.hotline.console.client;

import java.util.List;

/** routing's partner feed page. */
public record ReferralFeed(List<PartnerReferral> items, String nextCursor) {
}
