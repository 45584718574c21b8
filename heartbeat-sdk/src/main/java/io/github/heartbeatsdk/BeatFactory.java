package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.BeatScheduler;
import io.github.heartbeatsdk.internal.HostFacts;
import io.github.heartbeatsdk.internal.SdkVersion;

import java.util.List;
import java.util.function.Supplier;

/**
 * Builds each periodic beat: the instance metadata (read once, on the delivery thread, because
 * the host name may need DNS) plus every ext-info provider's fresh answer.
 */
final class BeatFactory implements BeatScheduler.BeatSource {
    private final Identity identity;
    private final ExtInfoRegistry registry;
    private final Supplier<List<String>> addresses;
    private InstanceInfo instance;

    BeatFactory(Identity identity, ExtInfoRegistry registry, Supplier<List<String>> addresses) {
        this.identity = identity;
        this.registry = registry;
        this.addresses = addresses;
    }

    @Override
    public synchronized Signal nextBeat(long nowMillis, long lastBeatMillis) { // lanes call it from their own threads
        return Signal.beat(nowMillis, lastBeatMillis, instance(), registry.evaluate());
    }

    synchronized InstanceInfo instance() {
        if (instance == null) {
            instance = new InstanceInfo(identity.service, identity.appName, identity.appType, identity.artifact,
                    identity.instanceId, HostFacts.hostName(), HostFacts.orLoopback(addresses.get()),
                    HostFacts.processId(), SdkVersion.VERSION);
        }
        return instance;
    }

    /** What the user told us about the instance; the rest is read from the host. */
    static final class Identity {
        final String service;
        final String appName;
        final String appType;
        final String artifact;
        final String instanceId;

        Identity(String service, String appName, String appType, String artifact, String instanceId) {
            this.service = service;
            this.appName = appName;
            this.appType = appType;
            this.artifact = artifact;
            this.instanceId = instanceId;
        }
    }
}
