package org.hotline.platform.problem;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * While {@link BindingProblems} collects (the read of a request body), a value of the wrong type becomes null and its
 * field is recorded, so reading goes on and finds the other offending fields; the value itself is never quoted (it
 * may be personal data). Outside collection it declines and Jackson fails as usual.
 */
public class LenientBindingHandler extends DeserializationProblemHandler {

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
            String failureMsg) {
        return recorded(ctxt.getParser().getParsingContext(), targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
            String failureMsg) {
        return recorded(ctxt.getParser().getParsingContext(), targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
            JsonParser parser, String failureMsg) throws IOException {
        if (!BindingProblems.collecting()) {
            return NOT_HANDLED;
        }
        JsonStreamContext context = parser.getParsingContext();
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
            context = context.getParent();
            parser.skipChildren();
        }
        return recorded(context, targetType.getRawClass());
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
            Throwable t) {
        // An enum's own creator refusing a spelling, or a value type's constructor refusing its argument.
        return recorded(ctxt.getParser().getParsingContext(), instClass);
    }

    private static Object recorded(JsonStreamContext context, Class<?> targetType) {
        if (!BindingProblems.collecting()) {
            return NOT_HANDLED;
        }
        BindingProblems.record(path(context), "must be " + expected(targetType));
        return null;
    }

    /** The JSON path of the value being read, as the other violations name fields: {@code needs[2]}, {@code a.b}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
    }

    /** What the field takes, in words: "one of [A, B]", "an array", "a number", "an ISO-8601 Instant". */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getPackageName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        return "an object";
    }
}
