package org.hotline.console.client;

/** Body of {@code POST /api/v1/followups/{reference}/assignment}. */
public record Assignment(String assignee) {
}
