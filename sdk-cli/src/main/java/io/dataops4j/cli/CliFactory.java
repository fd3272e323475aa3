package io.dataops4j.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, passing the {@link CliContext} to every constructor that takes one. */
final class CliFactory implements CommandLine.IFactory {
    private final CliContext ctx;

    CliFactory(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == 1 && params[0] == CliContext.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(ctx));
            }
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
