package org.hotline.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.junit.jupiter.api.Test;

class ResourceFormTest {

    @Test
    void theFormBecomesDirectorysRequestLeavingEmptyFieldsOut() {
        ResourcePages.Form form = new ResourcePages.Form("Card", "Numbers", "HOTLINE_CARD",
                List.of("INFORMATION", "LABOR"), List.of("PUBLIC"), "en, es  fr", "", "2026-12-01", "", "3");

        assertThat(form.toJson(new ObjectMapper()).toString()).isEqualTo("{\"title\":\"Card\",\"summary\":\"Numbers\","
                + "\"kind\":\"HOTLINE_CARD\",\"topics\":[\"INFORMATION\",\"LABOR\"],\"audiences\":[\"PUBLIC\"],"
                + "\"languages\":[\"en\",\"es\",\"fr\"],\"publishedOn\":\"2026-12-01\"}");
    }

    @Test
    void theTopicsAreTheNeedsThenTheTraffickingTypes() {
        assertThat(ResourcePages.TOPICS).hasSize(Need.values().length + TraffickingType.values().length)
                .startsWith(Need.values()[0].name()).endsWith(TraffickingType.values()[TraffickingType.values().length - 1].name());
    }

    @Test
    void anUploadedFilesNameIsReducedToWhatDirectoryAccepts() {
        assertThat(ResourcePages.plainName("C:\\Users\\me\\Key numbers (2009).pdf")).isEqualTo("Key numbers _2009_.pdf");
        assertThat(ResourcePages.plainName("../../card")).isEqualTo("card.pdf");
        assertThat(ResourcePages.plainName("¿.pdf")).isNull();
        assertThat(ResourcePages.plainName(null)).isNull();
    }
}
