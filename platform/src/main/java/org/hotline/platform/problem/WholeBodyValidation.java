package org.hotline.platform.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Reads every request body collecting its type errors ({@link LenientBindingHandler}) and, when there are any, answers
 * one 400 naming all offending fields at once: the type errors and whatever Bean Validation finds in the rest of the
 * body (a missing required field beside an unknown enum value gives two violations, not one). A body without type
 * errors goes on to the resource, whose {@code @Valid} reports its constraint violations as before.
 */
@Provider
public class WholeBodyValidation implements ReaderInterceptor {

    private final Validator validator;

    public WholeBodyValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Whether a type error already names the field or a part of it: a wrongly typed {@code needs[2]} also leaves a
     * null element that Bean Validation reports on {@code needs}; one violation says it.
     */
    private static boolean covered(Set<String> named, String field) {
        return named.stream().anyMatch(n -> n.equals(field) || n.startsWith(field + "[") || n.startsWith(field + "."));
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        BindingProblems.start();
        Object body;
        List<Problem.Violation> typeErrors;
        try {
            body = context.proceed();
        } finally {
            typeErrors = BindingProblems.stop();
        }
        if (typeErrors.isEmpty()) {
            return body;
        }
        List<Problem.Violation> all = new ArrayList<>(typeErrors);
        Set<String> named = new HashSet<>();
        typeErrors.forEach(v -> named.add(v.field()));
        if (body != null) {
            validator.validate(body).stream()
                    .map(v -> new Problem.Violation(ProblemMappers.field(v), v.getMessage()))
                    .filter(v -> !covered(named, v.field()))
                    .forEach(all::add);
        }
        all.sort(Comparator.comparing(Problem.Violation::field));
        throw new ProblemException(400, "validation", "Invalid request",
                "The request has " + all.size() + " invalid field(s)", all);
    }
}
