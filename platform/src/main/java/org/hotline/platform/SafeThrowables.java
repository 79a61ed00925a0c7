package org.hotline.platform;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Describes a failure without its messages. Exception messages can quote personal data (a constraint violation
 * echoing an e-mail address, a parser quoting a description), so logs and dead-letter headers get only what names
 * the failure and never a value: each cause's type, where it was thrown and the first frame in our own code, and
 * what the database or the broker says about <em>where</em> it failed — SQLSTATE, schema, table, column and
 * constraint names, topic names. Never a detail, hint, message or parameter.
 */
public final class SafeThrowables {

    private static final String OUR_PACKAGES = "org.hotline.";
    private static final int MAX_CAUSES = 8;

    private SafeThrowables() {
    }

    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < MAX_CAUSES; t = t.getCause()) {
            parts.add(t.getClass().getName() + names(t) + frames(t.getStackTrace()));
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(" <- caused by ", parts);
    }

    /** The names a failure carries about where it happened, as {@code [SQLSTATE 23505, constraint contact_pkey]}. */
    private static String names(Throwable t) {
        List<String> names = new ArrayList<>();
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            names.add("SQLSTATE " + sql.getSQLState());
        }
        if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            add(names, "schema", server.getSchema());
            add(names, "table", server.getTable());
            add(names, "column", server.getColumn());
            add(names, "constraint", server.getConstraint());
        }
        if (t instanceof ConstraintViolationException violation && !(t.getCause() instanceof PSQLException)) {
            add(names, "constraint", violation.getConstraintName());
        }
        if (t instanceof TopicAuthorizationException denied && denied.unauthorizedTopics() != null
                && !denied.unauthorizedTopics().isEmpty()) {
            names.add("topics " + String.join(",", denied.unauthorizedTopics()));
        }
        return names.isEmpty() ? "" : " [" + String.join(", ", names) + "]";
    }

    private static void add(List<String> names, String what, String value) {
        if (value != null && !value.isBlank()) {
            names.add(what + " " + value);
        }
    }

    /** Where it was thrown, and the first frame in our own code when that is elsewhere (a library's). */
    private static String frames(StackTraceElement[] trace) {
        if (trace.length == 0) {
            return "";
        }
        String where = " at " + trace[0];
        if (trace[0].getClassName().startsWith(OUR_PACKAGES)) {
            return where;
        }
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith(OUR_PACKAGES)) {
                return where + " from " + frame;
            }
        }
        return where;
    }
}
