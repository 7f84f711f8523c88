package io.github.camelportabilling.component.internal;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * The component's generated configurer with {@link OptionChecks} in front: options set on the component as text
 * ({@code camel.component.portabilling.retryBackoff = abc} in Camel Main or Quarkus) are refused with the text quoted,
 * as in an endpoint URI, instead of being converted to 0.
 */
public final class CheckedPropertyConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer generated;

    public CheckedPropertyConfigurer(PropertyConfigurer generated) {
        this.generated = generated;
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        if (value instanceof String) {
            OptionChecks.check(Map.of(name, value));
        }
        return generated.configure(camelContext, target, name, value, ignoreCase);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return generated instanceof PropertyConfigurerGetter g ? g.getOptionType(name, ignoreCase) : null;
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return generated instanceof PropertyConfigurerGetter g ? g.getOptionValue(target, name, ignoreCase) : null;
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return generated instanceof PropertyConfigurerGetter g ? g.getCollectionValueType(target, name, ignoreCase)
                : null;
    }

    @Override
    public String[] getAutowiredNames() {
        return generated instanceof PropertyConfigurerGetter g ? g.getAutowiredNames() : null;
    }
}
