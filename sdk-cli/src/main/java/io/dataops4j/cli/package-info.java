/**
 * The {@code dataops4j} command: {@link io.dataops4j.cli.Main} is its entry point, {@link io.dataops4j.cli.Cli}
 * runs it in-process (tests, embedding), and {@code Subcommands} lists its commands.
 */
package io.dataops4j.cli;
