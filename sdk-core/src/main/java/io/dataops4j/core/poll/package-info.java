/** Long-running operations: {@link io.dataops4j.core.poll.Poller} and its responses. */
package io.dataops4j.core.poll;
