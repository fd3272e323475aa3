/** Implementation details of sdk-devops; not an API. */
package io.dataops4j.devops.internal;
