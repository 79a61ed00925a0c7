package org.hotline.directory.rest;

import java.util.regex.Pattern;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.platform.rest.QueryParameters;

/**
 * HSDS's own paging parameters ({@code page} from 1, {@code per_page}, {@code format}), which its OpenAPI document
 * fixes and so differ from the hotline's {@code page}/{@code size}; read through platform's {@link QueryParameters}
 * like every other parameter. The bounds keep {@code (page - 1) × per_page} within an {@code int}.
 */
public class HsdsPageParameters {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 500;
    static final int MAX_PAGE = 100_000;
    private static final Pattern JSON = Pattern.compile("json");

    @QueryParam("page")
    @Parameter(description = "Page number from 1, at most " + MAX_PAGE)
    String page;

    @QueryParam("per_page")
    @Parameter(description = "Items per page, 1 to " + MAX_PER_PAGE + ", default " + DEFAULT_PER_PAGE)
    String perPage;

    @QueryParam("format")
    @Parameter(description = "json, the only format served")
    String format;

    HsdsPaging read(QueryParameters params) {
        params.matching("format", format, JSON, "must be json, the only format served");
        return new HsdsPaging(params.integer("page", page, 1, 1, MAX_PAGE),
                params.integer("per_page", perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE));
    }
}
