/** Progress of long work: {@link io.dataops4j.core.progress.ProgressListener}. */
package io.dataops4j.core.progress;
