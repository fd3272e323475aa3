/** YAML pipelines and their runs; builds. */
package io.dataops4j.devops.pipelines;
