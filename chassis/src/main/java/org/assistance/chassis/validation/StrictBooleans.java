package org.assistance.chassis.validation;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A yes/no query parameter is true or false: JAX-RS would read anything else ("perhaps", "1") as
 * false and answer as if the client had said so. Anything else is refused (400, as every
 * malformed parameter).
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {
    /** A Boolean parameter left out is null: "not said". */
    private static final ParamConverter<Boolean> STRICT = new Strict(false);
    /**
     * A primitive boolean left out is false, as JAX-RS has it. Quarkus REST hands an absent
     * primitive parameter over as its default "0" (for boolean too), so "0" reads as false here.
     */
    private static final ParamConverter<Boolean> STRICT_PRIMITIVE = new Strict(true);

    private record Strict(boolean primitive) implements ParamConverter<Boolean> {
        @Override
        public Boolean fromString(String value) {
            if (value == null || value.isBlank() || (primitive && "0".equals(value))) {
                return primitive ? Boolean.FALSE : null;
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("must be true or false");
            };
        }

        @Override
        public String toString(Boolean value) {
            return String.valueOf(value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == boolean.class) {
            return (ParamConverter<T>) STRICT_PRIMITIVE;
        }
        return rawType == Boolean.class ? (ParamConverter<T>) STRICT : null;
    }
}
