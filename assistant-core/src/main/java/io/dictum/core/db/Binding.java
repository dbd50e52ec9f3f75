package io.dictum.core.db;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binds a value that may be null; R2DBC needs the column type to bind a null. */
public final class Binding {

    private Binding() {
    }

    public static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
