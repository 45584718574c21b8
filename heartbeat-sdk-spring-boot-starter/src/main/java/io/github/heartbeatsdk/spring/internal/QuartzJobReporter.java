package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every Quartz job execution whose check is configured: by the JobDataMap entry
 * {@value HeartbeatJob#QUARTZ_JOB_DATA_KEY}, else by the job's name. Other jobs are left alone.
 * Quartz calls it on the job's own thread; it only queues signals, so the job never waits.
 */
final class QuartzJobReporter implements JobListener {
    static final String NAME = "heartbeat-sdk";
    /** Where the run waits between the two callbacks: the execution context, one per firing. */
    private static final String RUN_KEY = QuartzJobReporter.class.getName() + ".run";

    private static final Logger log = LoggerFactory.getLogger(QuartzJobReporter.class);

    private final HeartbeatClients clients;

    QuartzJobReporter(HeartbeatClients clients) {
        this.clients = clients;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        try {
            String name = checkName(context);
            if (name != null) {
                context.put(RUN_KEY, clients.job(name).startJob(name));
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            log.warn("heartbeat-sdk: could not report the start of a Quartz job: {}", t.toString());
        }
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        // A vetoed job never started: nothing was sent, nothing to end.
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        try {
            if (!(context.get(RUN_KEY) instanceof JobRun run)) {
                return;
            }
            if (failure == null) {
                run.success();
            } else {
                run.fail(jobsOwn(failure));
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            log.warn("heartbeat-sdk: could not report the end of a Quartz job: {}", t.toString());
        }
    }

    /** Quartz wraps what the job threw, once or twice (a RuntimeException in 2.5); the backend wants the job's own. */
    static Throwable jobsOwn(JobExecutionException failure) {
        Throwable t = failure;
        while (t instanceof SchedulerException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private String checkName(JobExecutionContext context) {
        Object mapped = context.getMergedJobDataMap().get(HeartbeatJob.QUARTZ_JOB_DATA_KEY);
        if (mapped instanceof String name && !name.isBlank()) {
            if (!clients.hasJob(name)) {
                log.warn("heartbeat-sdk: Quartz job {} maps to the check '{}', which is not configured: set heartbeat.jobs.{}.endpoint",
                        context.getJobDetail().getKey(), name, name);
                return null;
            }
            return name;
        }
        String jobName = context.getJobDetail().getKey().getName();
        return clients.hasJob(jobName) ? jobName : null;
    }
}
