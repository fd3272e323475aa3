package io.dataops4j.testkit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects an {@link MlflowServer} into test constructors, test methods and lifecycle methods.
 *
 * <p>Registered with {@code @ExtendWith}, it injects the JVM-wide {@link MlflowServer#shared()} server (started once
 * for the whole test run, stopped when the JVM exits) into every {@code MlflowServer} parameter that carries no
 * {@link MlflowInstance} annotation:
 *
 * <pre>{@code
 * @ExtendWith(MlflowServerExtension.class)
 * class RunsIT {
 *     @Test
 *     void createsARun(MlflowServer mlflow) {
 *         String trackingUri = mlflow.trackingUri();   // point the client under test at it
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Registered on a <em>static</em> field with {@link #dedicated(String)}, it starts a server of the test class's own
 * before its first test and stops it after the last; the field also hands the server out directly through
 * {@link #server()}. With two or more dedicated servers, parameters choose one with {@link MlflowInstance}:
 *
 * <pre>{@code
 * class CopyIT {
 *     @RegisterExtension static MlflowServerExtension DEV = MlflowServerExtension.dedicated("dev");
 *     @RegisterExtension static MlflowServerExtension PROD = MlflowServerExtension.dedicated("prod",
 *             b -> b.env("MLFLOW_WEBHOOK_REQUEST_TIMEOUT", "5"));
 *
 *     @Test
 *     void copies(@MlflowInstance("dev") MlflowServer dev, @MlflowInstance("prod") MlflowServer prod) { ... }
 *
 *     @Test
 *     void sameThing() {
 *         String source = DEV.server().trackingUri();
 *     }
 * }
 * }</pre>
 *
 * <p>A dedicated extension also resolves un-annotated {@code MlflowServer} parameters, which is handy when it is the
 * only one; with several, JUnit reports the competing resolvers and the parameter needs {@link MlflowInstance}.
 */
public final class MlflowServerExtension implements ParameterResolver, BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final Consumer<MlflowServer.Builder> customizer;
    private MlflowServer server;
    private String owner;

    /** The shared-server form, used by {@code @ExtendWith(MlflowServerExtension.class)}. */
    public MlflowServerExtension() {
        this(null, b -> { });
    }

    private MlflowServerExtension(String name, Consumer<MlflowServer.Builder> customizer) {
        this.name = name;
        this.customizer = customizer;
    }

    /** A server of the test class's own, named {@code name}; register it on a static field. */
    public static MlflowServerExtension dedicated(String name) {
        return dedicated(name, b -> { });
    }

    /** A dedicated server whose builder {@code customizer} adjusts (environment, start-up timeout, arguments...). */
    public static MlflowServerExtension dedicated(String name, Consumer<MlflowServer.Builder> customizer) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(customizer, "customizer");
        return new MlflowServerExtension(name, customizer);
    }

    /** The server's name for a dedicated server; empty for the shared form. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The server: for the shared form {@link MlflowServer#shared()}; for a dedicated one its own server, started on
     * the first call when JUnit has not started it yet.
     */
    public synchronized MlflowServer server() {
        if (name == null) {
            return MlflowServer.shared();
        }
        if (server == null || !server.isRunning()) {
            MlflowServer.Builder builder = MlflowServer.builder().name(name);
            customizer.accept(builder);
            server = builder.start();
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (name == null) {
            return;
        }
        synchronized (this) {
            if (owner == null) {
                owner = context.getUniqueId();   // the outermost class; @Nested classes run inside it
            }
        }
        server();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (name == null) {
            return;
        }
        MlflowServer toStop = null;
        synchronized (this) {
            if (context.getUniqueId().equals(owner)) {
                toStop = server;
                server = null;
                owner = null;
            }
        }
        if (toStop != null) {
            toStop.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() != MlflowServer.class) {
            return false;
        }
        Optional<MlflowInstance> instance = parameterContext.findAnnotation(MlflowInstance.class);
        if (name == null) {
            return instance.isEmpty();
        }
        return instance.map(i -> i.value().equals(name)).orElse(true);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }

    @Override
    public String toString() {
        return name == null ? "MlflowServerExtension[shared]" : "MlflowServerExtension[" + name + "]";
    }
}
