/**
 * Credentials: {@link io.dataops4j.core.auth.Credential} and its kinds (bearer, basic, API key, OAuth client
 * credentials, Entra ID through azure-identity), with token caching and refresh.
 */
package io.dataops4j.core.auth;
