package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.spring.HeartbeatClients;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.EverythingMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Adds the job reporter to every Quartz {@link Scheduler} bean once all singletons exist, which is
 * before the schedulers start (they start with the context's lifecycle), so no firing is missed.
 * It uses Quartz's own listener API, the same on every Spring Boot version.
 */
public final class QuartzListenerRegistrar implements SmartInitializingSingleton {
    private final ObjectProvider<Scheduler> schedulers;
    private final HeartbeatClients clients;

    public QuartzListenerRegistrar(ObjectProvider<Scheduler> schedulers, HeartbeatClients clients) {
        this.schedulers = schedulers;
        this.clients = clients;
    }

    @Override
    public void afterSingletonsInstantiated() {
        QuartzJobReporter reporter = new QuartzJobReporter(clients);
        schedulers.orderedStream().forEach(scheduler -> {
            try {
                if (scheduler.getListenerManager().getJobListener(QuartzJobReporter.NAME) == null) {
                    scheduler.getListenerManager().addJobListener(reporter, EverythingMatcher.allJobs());
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("heartbeat-sdk could not add its job listener to Quartz: " + e.getMessage(), e);
            }
        });
    }
}
