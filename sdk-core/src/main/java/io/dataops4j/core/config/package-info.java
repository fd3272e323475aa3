/**
 * Configuration: builder, then environment, then profile files, then defaults
 * ({@link io.dataops4j.core.config.ConfigResolver}).
 */
package io.dataops4j.core.config;
