package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.spring.HeartbeatClientCustomizer;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatProperties;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the auto-configuration's beans share: the client factory, the delivery health the
 * contributor reports, and the probe of the application's health, if actuator is there.
 */
public final class Wiring {
    private final HeartbeatProperties properties;
    private final ClientFactory factory;
    private final DeliveryHealth deliveryHealth;
    private final HealthProbe probe;
    private HeartbeatClient built;

    /**
     * @param appHealth the application's health (actuator), or null without it
     * @param schedules the schedules learned from the application, for the jobs' monitors
     */
    public Wiring(HeartbeatProperties properties, String applicationName, List<HeartbeatClientCustomizer> customizers,
                  List<HeartbeatListener> listeners, AppHealth appHealth, Clock clock, CloseLast closeLast,
                  JobSchedules schedules) {
        this.properties = properties;
        if (properties.getHealth().getFailureThreshold() < 1) {
            throw new HeartbeatConfigurationException("heartbeat.health.failure-threshold",
                    "heartbeat.health.failure-threshold must be at least 1, got " + properties.getHealth().getFailureThreshold());
        }
        if (properties.getBeats().getHealthTimeout().isNegative() || properties.getBeats().getHealthTimeout().isZero()) {
            throw new HeartbeatConfigurationException("heartbeat.beats.health-timeout",
                    "heartbeat.beats.health-timeout must be positive, got " + properties.getBeats().getHealthTimeout());
        }
        this.deliveryHealth = new DeliveryHealth(properties.getHealth().getFailureThreshold(), clock);
        this.factory = new ClientFactory(properties, applicationName, customizers, listeners, deliveryHealth, closeLast,
                properties.getMonitors().isUpsert() ? schedules : null);
        boolean wanted = properties.getBeats().isIncludeHealth()
                || properties.getBeats().getWhenUnhealthy() == HeartbeatProperties.WhenUnhealthy.SKIP;
        this.probe = appHealth != null && wanted && factory.beatsEnabled()
                ? new HealthProbe(appHealth, properties.getBeats().getHealthTimeout()) : null;
        if (probe != null) {
            closeLast.addShared(probe);
        }
    }

    /** The service client, which skips beats while the application is down if so configured. */
    public synchronized HeartbeatClient serviceClient() {
        BooleanSupplier condition = null;
        if (probe != null && properties.getBeats().getWhenUnhealthy() == HeartbeatProperties.WhenUnhealthy.SKIP) {
            HealthProbe p = probe;
            condition = () -> !p.isDown();
        }
        built = factory.service(condition);
        return built;
    }

    /** The clients bean around {@code service} (ours or the application's own) and the job clients. */
    public HeartbeatClients clients(HeartbeatClient service) {
        HeartbeatClients clients = new HeartbeatClients(service, factory.jobs());
        deliveryHealth.watch(clients.all());
        return clients;
    }

    public DeliveryHealth deliveryHealth() {
        return deliveryHealth;
    }

    /**
     * Starts beats of the service client on ApplicationReadyEvent, if it is the starter's own (an
     * application that defines its own HeartbeatClient bean starts it itself).
     */
    public synchronized BeatStarter beatStarter(HeartbeatClients clients, Supplier<Map<String, ExtInfoProvider>> providers) {
        boolean ours = clients.service() == built;
        return new BeatStarter(clients.service(), ours && factory.beatsEnabled(), properties.getInterval(),
                ours ? providers : Map::of, ours && properties.getBeats().isIncludeHealth() ? probe : null);
    }
}
