package io.dataops4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dataops4j version}: the versions of dataops4j, Java and the operating system. */
@Command(name = "version", description = "Print the versions of dataops4j, Java and the operating system.")
public final class VersionCommand implements Callable<Integer> {
    private final CliContext ctx;

    VersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        VersionInfo v = VersionInfo.current();
        if (ctx.json()) {
            ctx.printJson(v);
        } else {
            PrintWriter out = ctx.out();
            out.println("dataops4j " + v.dataops4j());
            out.println("Java " + v.java() + " (" + v.javaVendor() + ", " + v.javaRuntime() + ")");
            out.println("OS " + v.os() + " " + v.osVersion() + " (" + v.osArch() + ")");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
