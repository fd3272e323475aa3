/** The HTTP layer every service module stands on: {@link io.dataops4j.core.http.ApiClient} and its request types. */
package io.dataops4j.core.http;
