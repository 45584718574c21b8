package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.HeartbeatClient;

/**
 * Adjusts the builder of each client the starter makes, before it is built: a proxy, a custom
 * CA, timeouts of its own. Beans of this type are applied in their {@code @Order}. To hear
 * deliveries, declare a {@link io.github.heartbeatsdk.HeartbeatListener} bean instead: every
 * client tells it.
 *
 * <pre>{@code
 * @Bean
 * HeartbeatClientCustomizer corporateProxy() {
 *     return (name, builder) -> builder.proxy("proxy.internal", 3128);
 * }
 * }</pre>
 *
 * The starter sets the executor, the listener, the beat condition and the shutdown hook itself;
 * setting one again throws (each builder setting may be set once). A customizer that throws is
 * logged at ERROR, naming it, and the client is built without the rest of its changes: the
 * application starts.
 */
@FunctionalInterface
public interface HeartbeatClientCustomizer {
    /**
     * @param name {@link HeartbeatClients#SERVICE} for the service client, else the job's name
     * @param builder the client's builder, with the {@code heartbeat.*} properties already applied
     */
    void customize(String name, HeartbeatClient.Builder builder);
}
