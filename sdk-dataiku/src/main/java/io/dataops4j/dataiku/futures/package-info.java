/** DSS futures: long-running tasks (detections, imports, deletions) and their results. */
package io.dataops4j.dataiku.futures;
