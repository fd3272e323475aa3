/** Implementation of sdk-dataiku; not part of the public API. */
package io.dataops4j.dataiku.internal;
