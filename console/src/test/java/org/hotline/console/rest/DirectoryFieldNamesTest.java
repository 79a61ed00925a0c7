package org.hotline.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DirectoryFieldNamesTest {

    @Test
    void directorysFieldPathsReadAsTheServiceAndTheControl() throws Exception {
        JsonNode document = new ObjectMapper().readTree("{\"services\": [{\"name\": \"Walk-in clinic\"}]}");

        assertThat(DirectoryPages.readable("services[0].hours.weekly[1].opens", document))
                .isEqualTo("Walk-in clinic, opening span 2, opens");
        assertThat(DirectoryPages.readable("services[0].hours.timeZone", document))
                .isEqualTo("Walk-in clinic, time zone");
        assertThat(DirectoryPages.readable("services[0].phone", document)).isEqualTo("Walk-in clinic, phone");
        assertThat(DirectoryPages.readable("name", document)).isEqualTo("name");
    }
}
