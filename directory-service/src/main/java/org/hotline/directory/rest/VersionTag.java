package org.hotline.directory.rest;

import jakarta.ws.rs.core.EntityTag;

import org.hotline.platform.problem.ProblemException;

/**
 * The optimistic-locking handshake of the directory's editable documents (organisations, resources): the {@code ETag}
 * is the row's version, and a change may send it back in {@code If-Match}.
 */
final class VersionTag {

    private VersionTag() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version in an {@code If-Match} header ({@code "3"}); {@code null} without one or for {@code *}. Anything
     * else answers 412 saying what {@code what} (e.g. "the organisation's") ETag looks like.
     */
    static Long expected(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "If-Match must hold " + what + " ETag, e.g. \"3\"");
        }
    }
}
