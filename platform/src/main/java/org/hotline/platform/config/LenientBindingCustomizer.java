package org.hotline.platform.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.hotline.platform.problem.LenientBindingHandler;

/** Lets request bodies be read to the end with their type errors collected (see {@code WholeBodyValidation}). */
@Singleton
public class LenientBindingCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new LenientBindingHandler());
    }
}
