package org.hotline.intake;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.hotline.contracts.vocabulary.AgeBand;

/** Stores an age band as the vocabulary spells it ({@code 12_17}), the way every other enum column reads. */
@Converter
public class AgeBandColumn implements AttributeConverter<AgeBand, String> {

    @Override
    public String convertToDatabaseColumn(AgeBand band) {
        return band == null ? null : band.spelling();
    }

    @Override
    public AgeBand convertToEntityAttribute(String spelling) {
        return spelling == null ? null : AgeBand.ofSpelling(spelling);
    }
}
