package org.hotline.console.client;

import java.util.List;

/** The body of a webhook registration: the partner's endpoint and the event types it wants. */
public record WebhookRegistration(String url, List<String> eventTypes) {
}
