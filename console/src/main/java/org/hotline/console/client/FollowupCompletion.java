package org.hotline.console.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST /api/v1/followups/{reference}/completion}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowupCompletion(String outcome, String note) {

    @Override
    public String toString() {
        return "FollowupCompletion[" + outcome + ", note redacted]";
    }
}
