/**
 * Where signals go: {@link io.github.heartbeatsdk.endpoints.Endpoints}, the one door to every
 * preset (plain URLs, Healthchecks, Cronitor, Sentry Crons, Better Stack, Uptime Kuma, Dead Man's
 * Snitch, the Prometheus Pushgateway, Sermant over HTTP and TCP), including {@link io.github.heartbeatsdk.endpoints.Endpoints#parse}
 * for configuration. API.
 */
package io.github.heartbeatsdk.endpoints;
