package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Proxies every bean with a {@link HeartbeatJob} method, as Spring proxies {@code @Async} and
 * validated beans (the same machinery: it joins an existing proxy rather than wrapping it), and
 * fails the context start when a job has no configured check. Its advice runs outside other
 * advice (a transaction, a retry), so a run's duration and result are the caller's.
 */
public final class JobAdvisingPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {
    private final Set<String> configuredJobs;
    private final boolean validate;

    /**
     * @param configuredJobs the names under {@code heartbeat.jobs}
     * @param validate false with {@code heartbeat.enabled=false}: then a job without a check just runs
     */
    public JobAdvisingPostProcessor(Set<String> configuredJobs, boolean validate) {
        this.configuredJobs = Set.copyOf(configuredJobs);
        this.validate = validate;
        setBeforeExistingAdvisors(true);
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
        if (validate) {
            requireChecks(ClassUtils.getUserClass(bean));
        }
        return super.postProcessAfterInitialization(bean, beanName);
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
            if (!configuredJobs.contains(name)) {
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
