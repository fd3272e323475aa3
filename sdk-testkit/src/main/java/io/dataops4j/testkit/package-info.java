/**
 * Test support for dataops4j and for its users' integration tests.
 *
 * <ul>
 *   <li>{@link io.dataops4j.testkit.MlflowServer}: a real local MLflow tracking server (pinned version, sqlite store,
 *   proxied artifacts), started on a free port; {@link io.dataops4j.testkit.MlflowServerExtension} injects one into
 *   JUnit 5 tests.</li>
 *   <li>{@link io.dataops4j.testkit.FixtureDispatcher}: a MockWebServer dispatcher driven by given/when/then JSON
 *   fixtures, with mismatch reports and response sequences.</li>
 *   <li>{@link io.dataops4j.testkit.Faults} and {@link io.dataops4j.testkit.ScriptedDispatcher}: throttling, server
 *   error bursts, dropped connections, truncated bodies and slow responses, with attempt counting.</li>
 *   <li>{@link io.dataops4j.testkit.PythonTool}: a pinned Python tool in a cached virtualenv.</li>
 *   <li>{@link io.dataops4j.testkit.ApiListing}: a module's committed public API listing ({@code api/<module>.api}),
 *   checked by each module's {@code PublicApiTest}.</li>
 *   <li>{@link io.dataops4j.testkit.LogCapture}: what slf4j-simple writes to {@code System.err}, for secret scans.</li>
 * </ul>
 */
package io.dataops4j.testkit;
