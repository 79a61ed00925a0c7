package org.hotline.platform.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code page} and {@code size} of every list endpoint, taken as a {@code @BeanParam} and read by
 * {@link QueryParameters#page}: one default, one maximum page size and one maximum page everywhere, so that
 * {@code page × size} cannot overflow (at most 1,000,000 rows are ever skipped; a deeper walk wants a filter).
 */
public class PageParameters {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @Parameter(description = "Page number from 0, at most " + MAX_PAGE)
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to " + MAX_SIZE + ", default " + DEFAULT_SIZE)
    String size;

    public PageParameters() {
    }

    /** For callers that are not JAX-RS resources (and tests): the parameters as sent, null when absent. */
    public PageParameters(String page, String size) {
        this.page = page;
        this.size = size;
    }

    public String page() {
        return page;
    }

    public String size() {
        return size;
    }
}
