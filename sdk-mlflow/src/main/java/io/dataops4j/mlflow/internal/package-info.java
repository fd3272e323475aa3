/** Implementation of sdk-mlflow; not a public API. */
package io.dataops4j.mlflow.internal;
