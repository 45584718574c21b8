/**
 * For your own tests: {@link io.github.heartbeatsdk.testing.RecordingEndpoint} records the signals
 * your code sends, in memory, so a unit test can assert what a job reports without a server. API.
 */
package io.github.heartbeatsdk.testing;
