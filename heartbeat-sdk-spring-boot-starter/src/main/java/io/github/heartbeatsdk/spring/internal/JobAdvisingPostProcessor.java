package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;

/**
 * Proxies every bean with a {@link HeartbeatJob} method, as Spring proxies {@code @Async} and
 * validated beans (the same machinery: it joins an existing proxy rather than wrapping it), and
 * fails the context start when a job has no configured check, or sits on a method a proxy cannot
 * intercept. Its advice joins the end of the chain, inside other advice: with {@code @Async} the
 * run is reported from the thread that runs the method, when it really starts and ends.
 */
public final class JobAdvisingPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {
    private final Set<String> configuredJobs;
    private final boolean validate;
    private final JobSchedules schedules;
    private final Environment environment;

    /**
     * @param configuredJobs the names under {@code heartbeat.jobs}
     * @param validate false with {@code heartbeat.enabled=false}: then a job without a check just runs
     */
    public JobAdvisingPostProcessor(Set<String> configuredJobs, boolean validate) {
        this(configuredJobs, validate, null, null);
    }

    /**
     * @param schedules where each job's {@code @Scheduled} schedule is recorded for its monitor, or
     *     null when monitors are not upserted
     */
    public JobAdvisingPostProcessor(Set<String> configuredJobs, boolean validate, JobSchedules schedules,
                                    Environment environment) {
        this.configuredJobs = Set.copyOf(configuredJobs);
        this.validate = validate;
        this.schedules = schedules;
        this.environment = environment;
        setBeforeExistingAdvisors(false);
    }

    /** Where the jobs' {@code @Scheduled} schedules are recorded; null when monitors are not upserted. */
    public JobSchedules schedules() {
        return schedules;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        super.setBeanFactory(beanFactory);
        ObjectProvider<HeartbeatClients> clients = beanFactory.getBeanProvider(HeartbeatClients.class);
        this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, HeartbeatJob.class, true),
                new JobInterceptor(clients));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (validate || schedules != null) {
            requireChecks(AopProxyUtils.ultimateTargetClass(bean)); // the implementation, also behind a JDK proxy
        }
        return super.postProcessAfterInitialization(bean, beanName);
    }

    private void learnSchedule(String name, Method method) {
        if (!schedules.wants(name)) {
            return; // its schedule is configured, or its backend takes none: what @Scheduled says does not matter
        }
        Scheduled scheduled = AnnotatedElementUtils.findMergedAnnotation(method, Scheduled.class);
        if (scheduled == null) {
            return;
        }
        Schedule schedule;
        try {
            schedule = ScheduledDerivation.of(method, scheduled, environment);
        } catch (IllegalArgumentException e) {
            throw new BeanInitializationException("@HeartbeatJob(\"" + name + "\")", new HeartbeatConfigurationException(
                    "heartbeat.monitors.upsert", "heartbeat.monitors.upsert=true: " + e.getMessage()
                    + "; change the @Scheduled, set heartbeat.jobs." + name + ".schedule (which then wins), or upsert=false"));
        }
        if (schedule != null) {
            schedules.learn(name, schedule, method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()");
        }
    }

    private void requireChecks(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, HeartbeatJob.class)) {
            return; // java.* and Spring's own types: never annotated, not worth a reflective scan
        }
        Map<Method, HeartbeatJob> jobs;
        try {
            jobs = MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<HeartbeatJob>) method ->
                    AnnotatedElementUtils.findMergedAnnotation(method, HeartbeatJob.class));
        } catch (LinkageError e) {
            return; // a signature names a class that is not on the class path: such a bean has no job of ours
        }
        for (Map.Entry<Method, HeartbeatJob> job : jobs.entrySet()) {
            String name = job.getValue().value();
            int modifiers = job.getKey().getModifiers();
            if (validate && Modifier.isFinal(modifiers) || Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
                throw new BeanInitializationException("@HeartbeatJob(\"" + name + "\") on " + type.getName() + "."
                        + job.getKey().getName() + "(): a " + (Modifier.isFinal(modifiers) ? "final" : Modifier.isPrivate(
                        modifiers) ? "private" : "static") + " method, which Spring's proxy cannot intercept, so its runs"
                        + " would never be reported; make it a public, non-final instance method");
            }
            if (schedules != null) {
                learnSchedule(name, job.getKey());
            }
            if (validate && !JobNames.contains(configuredJobs, name)) {
                String key = "heartbeat.jobs." + name + ".endpoint";
                throw new BeanInitializationException("@HeartbeatJob(\"" + name + "\") on "
                        + type.getName() + "." + job.getKey().getName() + "()",
                        new HeartbeatConfigurationException(key, "no check is configured for the job '" + name
                                + "' (@HeartbeatJob on " + type.getSimpleName() + "." + job.getKey().getName()
                                + "()): set " + key));
            }
        }
    }
}
