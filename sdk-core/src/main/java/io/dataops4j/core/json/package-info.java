/** JSON: the shared {@link io.dataops4j.core.json.Json} codec, {@link io.dataops4j.core.json.RawJson}. */
package io.dataops4j.core.json;
