package io.dataops4j.databricks.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How {@code DatabricksClient} makes its sub-clients ({@code Jobs}, {@code Sql}, {@code Scim},
 * {@code RegistryWebhooks}) without their constructors being public: each sub-client class registers a factory here
 * from its static initializer (the accessor pattern of the Azure SDK's {@code *Helper} classes, as sdk-devops does),
 * and {@link #create} initializes the class before asking for it.
 */
public final class SubClients {
    private static final Map<Class<?>, Factory<?>> FACTORIES = new ConcurrentHashMap<>();

    private SubClients() {
    }

    /**
     * Makes a sub-client.
     *
     * @param <T> the sub-client's type
     */
    @FunctionalInterface
    public interface Factory<T> {
        /**
         * @param ctx     the workspace's (or account's) context
         * @param setting the one setting a sub-client takes beyond the context: the host for {@code Sql}, the account
         *                id (or null for the workspace) for {@code Scim}; null for the others
         */
        T create(Context ctx, String setting);
    }

    /** Called once by a sub-client class. */
    public static <T> void register(Class<T> type, Factory<T> factory) {
        FACTORIES.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(factory, "factory"));
    }

    /** A sub-client of a type for a context. */
    public static <T> T create(Class<T> type, Context ctx) {
        return create(type, ctx, null);
    }

    /** A sub-client of a type for a context and its one setting (see {@link Factory#create}). */
    public static <T> T create(Class<T> type, Context ctx, String setting) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(type.getName(), e);
        }
        Factory<?> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalStateException("no factory registered for " + type.getName());
        }
        return type.cast(factory.create(Objects.requireNonNull(ctx, "ctx"), setting));
    }
}
