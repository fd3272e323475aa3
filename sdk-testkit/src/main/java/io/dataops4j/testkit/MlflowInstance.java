package io.dataops4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks which dedicated server {@link MlflowServerExtension} injects into an {@link MlflowServer} parameter, by the
 * name given to {@link MlflowServerExtension#dedicated(String)}. Needed when a test class registers more than one.
 *
 * <pre>{@code
 * @RegisterExtension static MlflowServerExtension DEV = MlflowServerExtension.dedicated("dev");
 * @RegisterExtension static MlflowServerExtension PROD = MlflowServerExtension.dedicated("prod");
 *
 * @Test
 * void copiesAnExperiment(@MlflowInstance("dev") MlflowServer dev, @MlflowInstance("prod") MlflowServer prod) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MlflowInstance {
    /** The name of the dedicated server. */
    String value();
}
