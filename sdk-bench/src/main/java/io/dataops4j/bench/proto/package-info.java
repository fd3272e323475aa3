/** Changes proposed for sdk-core, prototyped here so that the benchmark can measure them before anyone adopts them. */
package io.dataops4j.bench.proto;
