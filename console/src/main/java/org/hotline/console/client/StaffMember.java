package org.hotline.console.client;

/** followup's staff member: the subject an assignment takes and the person's display name. */
public record StaffMember(String subject, String name) {
}
