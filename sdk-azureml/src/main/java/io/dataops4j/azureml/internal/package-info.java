/** Implementation of sdk-azureml; not a public API. */
package io.dataops4j.azureml.internal;
