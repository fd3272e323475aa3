package io.dataops4j.cli;

import io.dataops4j.core.Versions;

/**
 * What {@code dataops4j version} prints.
 *
 * @param dataops4j   the dataops4j version
 * @param java        the Java version
 * @param javaVendor  the Java vendor
 * @param javaRuntime the Java VM's name
 * @param os          the operating system's name
 * @param osVersion   its version
 * @param osArch      its architecture
 */
public record VersionInfo(String dataops4j, String java, String javaVendor, String javaRuntime, String os,
                          String osVersion, String osArch) {

    /** This process's. */
    public static VersionInfo current() {
        return new VersionInfo(Versions.sdk(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }
}
