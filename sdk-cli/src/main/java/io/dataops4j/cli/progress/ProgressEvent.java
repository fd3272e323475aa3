package io.dataops4j.cli.progress;

/**
 * One JSON line of progress on standard error with {@code --json}:
 * {@code {"event":"progress","done":3,"total":10,"message":"copying run 3"}}.
 *
 * @param event   always {@code progress}
 * @param done    items finished
 * @param total   items in all; left out when not known
 * @param message what is being worked on; left out when none
 */
public record ProgressEvent(String event, long done, Long total, String message) {
}
