package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns POJOs into param values with Jackson, so that a write changes only what the user set:
 * <ul>
 * <li>unset (null) properties are left out, so an update never clears a field the POJO did not mention. This is the
 * default inclusion of a copy of the mapper; a mapper whose default inclusion was set explicitly (e.g.
 * {@code setSerializationInclusion(ALWAYS)}) keeps it, and {@code @JsonInclude} on a class or property wins as
 * Jackson defines it (so {@code @JsonInclude(ALWAYS)} on one property sends its null, which clears it);</li>
 * <li>numbers keep what the POJO holds: a {@code BigDecimal} 100.00 is sent as {@code 100.00}, not {@code 1E+2}
 * (no tree in between, which would normalise it);</li>
 * <li>everything else (naming strategy, modules, annotations) is the mapper's own.</li>
 * </ul>
 */
public final class PojoParams {

    private static final Logger LOG = LoggerFactory.getLogger(PojoParams.class);

    private final ObjectMapper pojoMapper;
    private final ObjectMapper jsonMapper;

    private PojoParams(ObjectMapper pojoMapper, ObjectMapper jsonMapper) {
        this.pojoMapper = pojoMapper;
        this.jsonMapper = jsonMapper;
    }

    /**
     * @param mapper     the mapper for POJOs (the user's bound one, or the component's)
     * @param jsonMapper reads the result back as plain JSON values, with decimals as BigDecimal
     */
    public static PojoParams of(ObjectMapper mapper, ObjectMapper jsonMapper) {
        return new PojoParams(withoutNulls(mapper), jsonMapper);
    }

    /** The mapper used for POJOs: a copy that leaves out nulls, unless the mapper chose its inclusion itself. */
    static ObjectMapper withoutNulls(ObjectMapper mapper) {
        JsonInclude.Include configured = mapper.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion();
        if (configured != JsonInclude.Include.USE_DEFAULTS) {
            LOG.debug("The ObjectMapper for POJO bodies sets its own property inclusion ({}): it is used as it is",
                    configured);
            return mapper;
        }
        try {
            ObjectMapper copy = mapper.copy();
            copy.setDefaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS));
            return copy;
        } catch (IllegalStateException e) {
            // a subclass that does not implement copy(): configuring the user's own instance would change it for them
            LOG.warn("The ObjectMapper {} for POJO bodies cannot be copied ({}); POJO properties that are null are sent"
                     + " as null, which clears those fields on update. Set its serialization inclusion to NON_NULL.",
                    mapper.getClass().getName(), e.getMessage());
            return mapper;
        }
    }

    /** A POJO as the params map it stands for; fails when it does not convert to a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(Object pojo) {
        Object value = toValue(pojo);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("The body of type " + pojo.getClass().getName()
                                               + " does not convert to a JSON object, got " + AnswerTypes.describe(value));
        }
        return (Map<String, Object>) value;
    }

    /** Any value as the plain JSON value (Map, List, String, Number, Boolean, null) the mapper writes for it. */
    public Object toValue(Object pojo) {
        try (TokenBuffer buffer = new TokenBuffer(pojoMapper, false)) {
            pojoMapper.writeValue(buffer, pojo);
            try (JsonParser parser = buffer.asParser()) {
                return jsonMapper.readValue(parser, Object.class);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The body of type " + pojo.getClass().getName()
                                               + " cannot be converted to params with Jackson: " + e.getMessage(), e);
        }
    }
}
