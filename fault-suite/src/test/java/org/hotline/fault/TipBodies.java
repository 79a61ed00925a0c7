package org.hotline.fault;

/**
 * The tips the suite submits: varied like the public's (kinds of help, places, urgent and not, anonymous and named
 * reporters), the same body for the same key so that a retry sends the same tip. Every tenth is anonymous and so gets a
 * follow-up code (a bcrypt hash, the costly part of a submission); every seventh names an urgent indicator.
 */
final class TipBodies {

    private static final String[] NEEDS = {"LABOR_RIGHTS", "SHELTER", "LEGAL", "IMMIGRATION", "MEDICAL",
        "DOMESTIC_VIOLENCE", "CASE_MANAGEMENT", "MENTAL_HEALTH"};
    private static final String[] PLACES = {
        "{\"city\":\"Salinas\",\"state\":\"CA\",\"postalCode\":\"93901\"}",
        "{\"city\":\"New York\",\"state\":\"NY\",\"postalCode\":\"10001\"}",
        "{\"city\":\"Houston\",\"state\":\"TX\",\"postalCode\":\"77002\"}",
        "{\"city\":\"Atlanta\",\"state\":\"GA\",\"postalCode\":\"30303\"}",
        "{\"state\":\"FL\"}"};
    private static final String[] TYPES = {"LABOR", "SEX", "SEX_AND_LABOR", "UNKNOWN"};

    private TipBodies() {
    }

    static String body(String key) {
        int n = Math.floorMod(key.hashCode(), 1_000_003);
        String indicators = n % 7 == 0 ? "[\"NEEDS_WITHIN_24H\"]" : "[]";
        String reporter = n % 10 == 0 ? "" : """
                ,"reporter":{"anonymous":false,"callerType":"COMMUNITY_MEMBER","name":"Load Test Reporter",\
                "phone":"555-010-%04d","language":"en","consentToLawEnforcement":%b}""".formatted(n % 10_000, n % 3 == 0);
        return """
                {"description":"Synthetic load-test tip %s: workers are kept at a site and not paid",\
                "traffickingType":"%s","indicators":%s,"needs":["%s"],"location":%s%s}"""
                .formatted(key, TYPES[n % TYPES.length], indicators, NEEDS[n % NEEDS.length],
                        PLACES[n % PLACES.length], reporter);
    }
}
