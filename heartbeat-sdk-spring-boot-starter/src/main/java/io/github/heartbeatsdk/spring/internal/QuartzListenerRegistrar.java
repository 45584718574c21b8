package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.EverythingMatcher;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.time.Duration;

/**
 * Adds the job reporter to every Quartz {@link Scheduler} bean once all singletons exist, which is
 * before the schedulers start (they start with the context's lifecycle), so no firing is missed.
 * With monitors upserted, it also learns each reported job's schedule from its triggers (the
 * first cron trigger, else a repeating simple trigger's interval). It uses Quartz's own API, the
 * same on every Spring Boot version.
 */
public final class QuartzListenerRegistrar implements SmartInitializingSingleton {
    private final ObjectProvider<Scheduler> schedulers;
    private final HeartbeatClients clients;
    private final JobSchedules schedules;

    /**
     * @param schedules where the jobs' schedules are recorded for their monitors, or null when
     *     monitors are not upserted
     */
    public QuartzListenerRegistrar(ObjectProvider<Scheduler> schedulers, HeartbeatClients clients, JobSchedules schedules) {
        this.schedulers = schedulers;
        this.clients = clients;
        this.schedules = schedules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        QuartzJobReporter reporter = new QuartzJobReporter(clients);
        schedulers.orderedStream().forEach(scheduler -> {
            try {
                if (scheduler.getListenerManager().getJobListener(QuartzJobReporter.NAME) == null) {
                    scheduler.getListenerManager().addJobListener(reporter, EverythingMatcher.allJobs());
                }
                if (schedules != null) {
                    learnSchedules(scheduler);
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("heartbeat-sdk could not add its job listener to Quartz: " + e.getMessage(), e);
            }
        });
    }

    private void learnSchedules(Scheduler scheduler) throws SchedulerException {
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.anyJobGroup())) {
            JobDetail detail = scheduler.getJobDetail(key);
            Object mapped = detail == null ? null : detail.getJobDataMap().get(HeartbeatJob.QUARTZ_JOB_DATA_KEY);
            String name = mapped instanceof String s && !s.isBlank() ? s : key.getName();
            if (!clients.hasJob(name) || !schedules.wants(name)) {
                continue;
            }
            Schedule schedule = scheduleOf(scheduler, key);
            if (schedule != null) {
                schedules.learn(name, schedule, "Quartz job " + key);
            }
        }
    }

    private static Schedule scheduleOf(Scheduler scheduler, JobKey key) throws SchedulerException {
        Schedule interval = null;
        for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
            try {
                if (trigger instanceof CronTrigger cron) {
                    return Schedule.quartzCron(cron.getCronExpression(), cron.getTimeZone().toZoneId());
                }
                if (interval == null && trigger instanceof SimpleTrigger simple && simple.getRepeatInterval() > 0
                        && simple.getRepeatCount() != 0) {
                    interval = Schedule.every(Duration.ofMillis(simple.getRepeatInterval()));
                }
            } catch (IllegalArgumentException e) {
                throw new HeartbeatConfigurationException("heartbeat.monitors.upsert", "heartbeat.monitors.upsert=true:"
                        + " the trigger " + trigger.getKey() + " of Quartz job " + key + " cannot define its monitor: "
                        + e.getMessage());
            }
        }
        return interval;
    }
}
