package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Once the application is ready: registers the {@link ExtInfoProvider} beans (each under its bean
 * name, as a Sermant plugin entry) and the {@code health} entry, then starts the service client's
 * beats, if they are on. A beat before then would report an application still starting.
 */
public final class BeatStarter implements ApplicationListener<ApplicationReadyEvent> {
    /** The ext-info entry that carries the application's health status. */
    public static final String HEALTH_ENTRY = "health";

    private static final Logger log = LoggerFactory.getLogger(BeatStarter.class);

    private final HeartbeatClient service;
    private final boolean beats;
    private final Supplier<Map<String, ExtInfoProvider>> providers;
    private final HealthProbe health;
    private final Duration interval;
    private boolean started;

    /**
     * @param providers the ext-info provider beans by bean name, asked once the application is ready
     * @param health the application's health for the {@value #HEALTH_ENTRY} entry, or null for none
     */
    BeatStarter(HeartbeatClient service, boolean beats, Duration interval, Supplier<Map<String, ExtInfoProvider>> providers,
                HealthProbe health) {
        this.interval = interval;
        this.service = service;
        this.beats = beats;
        this.providers = providers;
        this.health = health;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (started) {
            return; // a child context's ready event reaches its parent's listeners too
        }
        started = true;
        // A listener that throws here would fail the application's start: nothing of ours may.
        try {
            if (health != null) {
                service.extInfo().register(HEALTH_ENTRY, version(HealthProbe.class), () -> Map.of("status", health.status()));
            }
            // After the health entry: a bean of the same name replaces it.
            providers.get().forEach((name, provider) -> service.extInfo().register(name, version(provider.getClass()), provider));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            log.error("heartbeat-sdk could not register the ExtInfoProvider beans: {}; beats go without them", t.toString());
        }
        if (beats && service.isEnabled()) {
            try {
                service.start();
                log.info("heartbeat-sdk beats every {} to {}", interval, service.endpointName());
            } catch (IllegalStateException e) {
                // The application started them itself (a CommandLineRunner runs before this event), or closed the client.
                log.info("heartbeat-sdk: the service client's beats were not started by the starter: {}", e.getMessage());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.error("heartbeat-sdk could not start the beats: {}", t.toString());
            }
        }
    }

    /** The provider's jar version, as a plugin's version on the panel; "unknown" when its jar says none. */
    private static String version(Class<?> type) {
        Package p = type.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
