package org.hotline.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 50 states, the District of Columbia and Puerto Rico, with one real area code each: phone numbers are that area
 * code with a 555-01xx line, the range reserved for fiction, so a generated number never rings anyone.
 */
enum UsState {
    AL("Alabama", "205"), AK("Alaska", "907"), AZ("Arizona", "602"), AR("Arkansas", "501"),
    CA("California", "916"), CO("Colorado", "303"), CT("Connecticut", "860"), DE("Delaware", "302"),
    DC("District of Columbia", "202"), FL("Florida", "850"), GA("Georgia", "404"), HI("Hawaii", "808"),
    ID("Idaho", "208"), IL("Illinois", "217"), IN("Indiana", "317"), IA("Iowa", "515"), KS("Kansas", "785"),
    KY("Kentucky", "502"), LA("Louisiana", "225"), ME("Maine", "207"), MD("Maryland", "410"),
    MA("Massachusetts", "617"), MI("Michigan", "517"), MN("Minnesota", "651"), MS("Mississippi", "601"),
    MO("Missouri", "573"), MT("Montana", "406"), NE("Nebraska", "402"), NV("Nevada", "775"),
    NH("New Hampshire", "603"), NJ("New Jersey", "609"), NM("New Mexico", "505"), NY("New York", "518"),
    NC("North Carolina", "919"), ND("North Dakota", "701"), OH("Ohio", "614"), OK("Oklahoma", "405"),
    OR("Oregon", "503"), PA("Pennsylvania", "717"), RI("Rhode Island", "401"), SC("South Carolina", "803"),
    SD("South Dakota", "605"), TN("Tennessee", "615"), TX("Texas", "512"), UT("Utah", "801"),
    VT("Vermont", "802"), VA("Virginia", "804"), WA("Washington", "360"), WV("West Virginia", "304"),
    WI("Wisconsin", "608"), WY("Wyoming", "307"), PR("Puerto Rico", "787");

    private static final Map<String, UsState> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(UsState::name, Function.identity()));

    private final String displayName;
    private final String areaCode;

    UsState(String displayName, String areaCode) {
        this.displayName = displayName;
        this.areaCode = areaCode;
    }

    String displayName() {
        return displayName;
    }

    String areaCode() {
        return areaCode;
    }

    static UsState of(String code) {
        UsState state = BY_CODE.get(code);
        if (state == null) {
            throw new IllegalArgumentException("not a state of the directory: " + code);
        }
        return state;
    }

    static List<UsState> all() {
        return List.of(values());
    }
}
