package org.hotline.directory.rest;

import java.util.regex.Pattern;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.platform.rest.QueryParameters;

/**
 * HSDS's own paging parameters ({@code page} from 1, {@code per_page}, {@code format}: with {@code ndjson} the
 * pages are ignored and every match streams), which its OpenAPI document
 * fixes and so differ from the hotline's {@code page}/{@code size}; read through platform's {@link QueryParameters}
 * like every other parameter. The bounds keep {@code (page - 1) × per_page} within an {@code int}.
 */
public class HsdsPageParameters {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 500;
    static final int MAX_PAGE = 100_000;
    private static final Pattern FORMATS = Pattern.compile("json|ndjson");

    @QueryParam("page")
    @Parameter(description = "Page number from 1, at most " + MAX_PAGE)
    String page;

    @QueryParam("per_page")
    @Parameter(description = "Items per page, 1 to " + MAX_PER_PAGE + ", default " + DEFAULT_PER_PAGE)
    String perPage;

    @QueryParam("format")
    @Parameter(description = "json (a Page, the default) or ndjson (every match, one per line, without pages)")
    String format;

    /** Whether {@code format=ndjson} was asked for (reported to {@code params} when the format is neither). */
    boolean ndjson(QueryParameters params) {
        return params.matching("format", format, FORMATS, "must be json or ndjson").map("ndjson"::equals)
                .orElse(false);
    }

    HsdsPaging read(QueryParameters params) {
        return new HsdsPaging(params.integer("page", page, 1, 1, MAX_PAGE),
                params.integer("per_page", perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE));
    }
}
