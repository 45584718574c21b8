package io.github.heartbeatsdk.spring;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.util.Properties;

/** A real Quartz scheduler through Spring's own factory bean, the same on every Spring Boot version. */
final class TestQuartz {
    private TestQuartz() {
    }

    /** One thread, in memory, under a name of its own (Quartz keeps schedulers by name per JVM). */
    static SchedulerFactoryBean scheduler(JobDetail job, Trigger trigger) {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("heartbeat-test-" + System.nanoTime());
        factory.setJobDetails(job);
        factory.setTriggers(trigger);
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.threadPool.threadCount", "1");
        factory.setQuartzProperties(quartz);
        return factory;
    }
}
