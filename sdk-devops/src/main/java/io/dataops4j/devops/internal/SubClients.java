package io.dataops4j.devops.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How {@code DevOpsClient} makes its sub-clients without their constructors being public: each sub-client class
 * registers a factory here from its static initializer (the accessor pattern of the Azure SDK's {@code *Helper}
 * classes), and {@link #create} initializes the class before asking for it.
 */
public final class SubClients {
    private static final Map<Class<?>, Function<DevOpsContext, ?>> FACTORIES = new ConcurrentHashMap<>();

    private SubClients() {
    }

    /** Called once by a sub-client class. */
    public static <T> void register(Class<T> type, Function<DevOpsContext, T> factory) {
        FACTORIES.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(factory, "factory"));
    }

    /** A sub-client of a type for a context. */
    public static <T> T create(Class<T> type, DevOpsContext ctx) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(type.getName(), e);
        }
        Function<DevOpsContext, ?> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalStateException("no factory registered for " + type.getName());
        }
        return type.cast(factory.apply(ctx));
    }
}
