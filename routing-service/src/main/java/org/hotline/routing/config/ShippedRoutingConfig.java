package org.hotline.routing.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The routing rules exactly as shipped: this service's own {@code application.properties} (no profile) read through
 * {@link RoutingConfig}, for tests and benchmarks that must decide as the service does rather than with hand-copied
 * defaults. Read from this module's own class path entry, so another module's {@code application.properties} earlier
 * on the class path is never taken for it.
 */
public final class ShippedRoutingConfig {

    private ShippedRoutingConfig() {
    }

    public static RoutingConfig load() {
        return load(Map.of());
    }

    /** The shipped configuration with {@code overrides} (property name to value) applied, as an operator would. */
    public static RoutingConfig load(Map<String, String> overrides) {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(ownProperties(), 100))
                    .withSources(new PropertiesConfigSource(overrides, "operator overrides", 500))
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(RoutingConfig.class)
                    .build();
            return config.getConfigMapping(RoutingConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL ownProperties() throws IOException {
        try {
            URI location = ShippedRoutingConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            Path entry = Path.of(location);
            if (Files.isDirectory(entry)) {
                return entry.resolve("application.properties").toUri().toURL();
            }
            return URI.create("jar:" + location + "!/application.properties").toURL();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate routing-service's own application.properties", e);
        }
    }
}
