package org.hotline.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure without its messages. Exception messages can quote personal data (a constraint violation
 * echoing an e-mail address, a parser quoting a description), so logs and dead-letter headers get only the types
 * of the cause chain and where it was thrown.
 */
public final class SafeThrowables {

    private SafeThrowables() {
    }

    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 8; t = t.getCause()) {
            StackTraceElement[] trace = t.getStackTrace();
            String where = trace.length == 0 ? "" : " at " + trace[0];
            parts.add(t.getClass().getName() + where);
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(" <- caused by ", parts);
    }
}
