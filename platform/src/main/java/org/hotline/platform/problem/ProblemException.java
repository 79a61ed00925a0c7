package org.hotline.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by a service to answer with a specific problem, e.g. 404 for an unknown reference or 409 for a conflict.
 * The detail must not quote personal data.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Duration retryAfter;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        this(status, slug, title, detail, violations, null);
    }

    private ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** 429 with a {@code Retry-After} header: the client may try again after the given time. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, "too-many-requests", "Too many requests", detail, List.of(), retryAfter);
    }

    /** Seconds to send in {@code Retry-After}, or null. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, retryAfter.toSeconds());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", "The request has invalid fields",
                List.of(new Problem.Violation(field, message)));
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations);
    }
}
