package org.hotline.platform.config;

import java.time.ZoneId;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads an IANA zone id; blank is no value. (The converter Quarkus ships calls {@code ZoneId.of("")} for an absent
 * optional mapping and fails the start.)
 */
public class ZoneIdSetting implements Converter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
        return value == null || value.isBlank() ? null : ZoneId.of(value.trim());
    }
}
