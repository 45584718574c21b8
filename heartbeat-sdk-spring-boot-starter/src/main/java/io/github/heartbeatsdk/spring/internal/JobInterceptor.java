package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports each call of a {@link HeartbeatJob} method as a run: start, then success or failure.
 * The method's result and exception pass through unchanged; a fault of the SDK's or the
 * starter's never changes what the method does (it is logged and the method runs anyway).
 */
final class JobInterceptor implements MethodInterceptor {
    private static final Logger log = LoggerFactory.getLogger(JobInterceptor.class);

    private final ObjectProvider<HeartbeatClients> clients;
    /**
     * Each method's job name per target class, looked up once: the annotation search is reflective
     * and runs on the job's thread. The class is part of the key: two implementations of one
     * interface method may name different jobs.
     */
    private final Map<Key, String> names = new ConcurrentHashMap<>();

    private record Key(Method method, Class<?> type) {
    }
    private static final String NONE = "";

    JobInterceptor(ObjectProvider<HeartbeatClients> clients) {
        this.clients = clients;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        JobRun run = start(invocation.getMethod(), invocation.getThis());
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable t) {
            end(run, t);
            throw t;
        }
        if (result instanceof CompletionStage<?> stage && run != null) {
            stage.whenComplete((value, error) -> end(run, error));
        } else {
            end(run, null);
        }
        return result;
    }

    private static String jobName(Method method, Object target) {
        HeartbeatJob job = AnnotatedElementUtils.findMergedAnnotation(method, HeartbeatJob.class);
        if (job == null && target != null) {
            // Declared on an interface or superclass method the proxy's method overrides.
            Method specific = AopUtils.getMostSpecificMethod(method, target.getClass());
            job = AnnotatedElementUtils.findMergedAnnotation(specific, HeartbeatJob.class);
        }
        return job == null ? NONE : job.value();
    }

    private JobRun start(Method method, Object target) {
        String name = null;
        try {
            name = names.computeIfAbsent(new Key(method, target == null ? null : target.getClass()),
                    key -> jobName(method, target));
            if (name.equals(NONE)) {
                return null;
            }
            HeartbeatClients all = clients.getObject();
            if (!all.hasJob(name)) {
                return null; // heartbeat.enabled=false without a check: the job just runs (checked at start otherwise)
            }
            return all.job(name).startJob(name);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            log.warn("heartbeat-sdk: could not report the start of job {}: {}; the job runs anyway", name, t.toString());
            return null;
        }
    }

    private static void end(JobRun run, Throwable error) {
        if (run == null) {
            return;
        }
        try {
            if (error == null) {
                run.success();
            } else {
                run.fail(unwrap(error));
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            log.warn("heartbeat-sdk: could not report the end of job {}: {}", run.name(), t.toString());
        }
    }

    /** A CompletionStage's failure arrives wrapped in a CompletionException: report what the job threw. */
    private static Throwable unwrap(Throwable error) {
        if (error instanceof java.util.concurrent.CompletionException && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }
}
