package io.github.payop4j.jaxrs;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A fixed set of properties as the only config source: no system property or environment leaks in. */
public final class MapConfigSource implements ConfigSource {

    private final Map<String, String> values;

    public MapConfigSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "test";
    }
}
