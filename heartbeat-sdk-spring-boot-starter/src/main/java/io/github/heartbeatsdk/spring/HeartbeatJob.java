package io.github.heartbeatsdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports every call of the annotated method as a run of a job, to the check configured for it
 * with {@code heartbeat.jobs.<name>.endpoint}: start, then success, or failure with the
 * exception's class and message, with the run's id and duration.
 *
 * <pre>{@code
 * @Scheduled(cron = "0 0 4 * * *")
 * @HeartbeatJob("nightly-backup")
 * public void backup() { ... }
 * }</pre>
 *
 * <p>The method's own exception is rethrown unchanged, and the method never waits for the
 * network: signals are queued and delivered on the SDK's thread. A method returning a
 * {@link java.util.concurrent.CompletionStage} ends its run when the stage completes. The method
 * must be called through its Spring proxy (from another bean, or by a scheduler), as for
 * {@code @Transactional}. A name with no configured check fails the context start, naming the
 * property to set (unless {@code heartbeat.enabled=false}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface HeartbeatJob {
    /**
     * The JobDataMap key a Quartz job may set to the name of its check, when its job name is not
     * that name: {@code usingJobData(HeartbeatJob.QUARTZ_JOB_DATA_KEY, "nightly-backup")}.
     */
    String QUARTZ_JOB_DATA_KEY = "heartbeat.job";

    /** The job's name: the {@code <name>} of {@code heartbeat.jobs.<name>.endpoint}. */
    String value();
}
