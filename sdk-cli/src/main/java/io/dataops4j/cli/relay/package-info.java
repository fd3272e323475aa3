/** {@code dataops4j relay}: the Model Registry webhook relay. */
package io.dataops4j.cli.relay;
