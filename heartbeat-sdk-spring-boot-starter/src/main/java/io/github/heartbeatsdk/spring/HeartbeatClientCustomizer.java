package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.HeartbeatClient;

/**
 * Adjusts the builder of each client the starter makes, before it is built: a proxy, a custom
 * CA, a listener of your own. Beans of this type are applied in their {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * HeartbeatClientCustomizer corporateProxy() {
 *     return (name, builder) -> builder.proxy("proxy.internal", 3128);
 * }
 * }</pre>
 *
 * The starter sets the executor, the listener, the beat condition and the shutdown hook itself:
 * setting them again throws (each builder setting may be set once), which fails the context start.
 */
@FunctionalInterface
public interface HeartbeatClientCustomizer {
    /**
     * @param name {@link HeartbeatClients#SERVICE} for the service client, else the job's name
     * @param builder the client's builder, with the {@code heartbeat.*} properties already applied
     */
    void customize(String name, HeartbeatClient.Builder builder);
}
