package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.ExtInfoRegistry;
import io.github.heartbeatsdk.InstanceInfo;
import io.github.heartbeatsdk.Signal;

import java.util.List;
import java.util.function.Supplier;

/**
 * Builds each periodic beat: the instance metadata (read once, on the delivery thread, because
 * the host name may need DNS) plus every ext-info provider's fresh answer.
 */
public final class BeatFactory implements BeatScheduler.BeatSource {
    /** The host's addresses, read on the delivery thread. */
    private static final Supplier<List<String>> HOST_ADDRESSES = new Supplier<List<String>>() {
        @Override
        public List<String> get() {
            return HostFacts.nonLoopbackIpv4();
        }
    };

    private final Identity identity;
    private final ExtInfoRegistry registry;
    private final Supplier<List<String>> addresses;
    private InstanceInfo instance;

    /** Beats for {@code identity} with {@code registry}'s ext info, on this host. */
    public BeatFactory(Identity identity, ExtInfoRegistry registry) {
        this(identity, registry, HOST_ADDRESSES);
    }

    /** As above, with the host's addresses from {@code addresses} (tests give their own). */
    public BeatFactory(Identity identity, ExtInfoRegistry registry, Supplier<List<String>> addresses) {
        this.identity = identity;
        this.registry = registry;
        this.addresses = addresses;
    }

    @Override
    public synchronized Signal nextBeat(long nowMillis, long lastBeatMillis) { // lanes call it from their own threads
        ApiAccess api = ApiAccess.get();
        return api.beat(nowMillis, lastBeatMillis, instance(), api.evaluate(registry));
    }

    /** This instance's metadata, read from the host on first use. */
    public synchronized InstanceInfo instance() {
        if (instance == null) {
            instance = ApiAccess.get().instance(identity.service, identity.appName, identity.appType, identity.artifact,
                    identity.instanceId, HostFacts.hostName(), HostFacts.orLoopback(addresses.get()),
                    HostFacts.processId(), SdkVersion.VERSION, identity.dynamicInstall);
        }
        return instance;
    }

    /** What the user told us about the instance; the rest is read from the host. */
    public static final class Identity {
        final String service;
        final String appName;
        final String appType;
        final String artifact;
        final String instanceId;
        final boolean dynamicInstall;

        /** Each value as resolved from the builder and configuration; not installed at run time. */
        public Identity(String service, String appName, String appType, String artifact, String instanceId) {
            this(service, appName, appType, artifact, instanceId, false);
        }

        /** As above; {@code dynamicInstall} when the agent was attached to a running JVM. */
        public Identity(String service, String appName, String appType, String artifact, String instanceId,
                        boolean dynamicInstall) {
            this.service = service;
            this.appName = appName;
            this.appType = appType;
            this.artifact = artifact;
            this.instanceId = instanceId;
            this.dynamicInstall = dynamicInstall;
        }
    }
}
