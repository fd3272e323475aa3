/**
 * Progress of long work: {@link io.dataops4j.cli.progress.ProgressListener}, which workflows feed, and
 * {@link io.dataops4j.cli.progress.Progress}, which draws it (a bar on a terminal, JSON lines with {@code --json},
 * occasional plain lines otherwise).
 */
package io.dataops4j.cli.progress;
