package org.hotline.directory;

import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import io.restassured.http.ContentType;

/** Requests for the resource library's tests. */
final class LibraryResources {

    private LibraryResources() {
    }

    /** A resource read at a link, published long ago, for the medical and legal audiences. */
    static String body(String title, String summary) {
        return body(title, summary, "\"url\": \"https://example.org/fact-sheet.pdf\", \"publishedOn\": \"2020-01-01\"");
    }

    /** A resource with the given extra fields (url, publishedOn, retiredOn) as JSON members. */
    static String body(String title, String summary, String extra) {
        return """
                {"title": "%s", "summary": "%s", "kind": "FACT_SHEET", "topics": ["LABOR", "MEDICAL", "INFORMATION"],
                 "audiences": ["MEDICAL", "LEGAL"], "languages": ["es", "en"]%s}"""
                .formatted(title, summary, extra.isEmpty() ? "" : ", " + extra);
    }

    static String create(String body) {
        return Callers.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/resources")
                .then().statusCode(201).body("version", equalTo(0)).extract().path("id");
    }

    /** The smallest bytes that start as a PDF does, with a body after the header. */
    static byte[] pdf(String marker) {
        return ("%PDF-1.7\n% " + marker + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
