package io.github.heartbeatsdk.spring.autoconfigure;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.spring.HeartbeatClientCustomizer;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.internal.AppHealth;
import io.github.heartbeatsdk.spring.internal.BeatStarter;
import io.github.heartbeatsdk.spring.internal.Boot3AppHealth;
import io.github.heartbeatsdk.spring.internal.Boot3HealthIndicator;
import io.github.heartbeatsdk.spring.internal.Boot4AppHealth;
import io.github.heartbeatsdk.spring.internal.Boot4HealthIndicator;
import io.github.heartbeatsdk.spring.internal.CloseLast;
import io.github.heartbeatsdk.spring.internal.EndpointSanitizer;
import io.github.heartbeatsdk.spring.internal.HeartbeatMeters;
import io.github.heartbeatsdk.spring.internal.JobAdvisingPostProcessor;
import io.github.heartbeatsdk.spring.internal.JobSchedules;
import io.github.heartbeatsdk.spring.internal.QuartzListenerRegistrar;
import io.github.heartbeatsdk.spring.internal.UnknownKeys;
import io.github.heartbeatsdk.spring.internal.Wiring;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Map;

/**
 * heartbeat-sdk for Spring Boot: a {@link HeartbeatClient} and {@link HeartbeatClients} from the
 * {@code heartbeat.*} properties ({@link HeartbeatProperties}), {@code @HeartbeatJob} methods and
 * Quartz jobs reported to their checks, beats once the application is ready, and, when the
 * application has them, a {@code heartbeat} health contributor and Micrometer meters. Every bean
 * is {@link ConditionalOnMissingBean}; those meant to be replaced are the clients, the meters and
 * the health indicator, the rest is the starter's machinery. The clients close after every
 * other bean is destroyed; no JVM hook of the SDK's is installed.
 */
@AutoConfiguration
@ConditionalOnClass(HeartbeatClient.class)
@EnableConfigurationProperties(HeartbeatProperties.class)
public class HeartbeatAutoConfiguration {

    /** Created with the post-processors, before ordinary beans, so it is destroyed after them: see {@link CloseLast}. */
    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static CloseLast heartbeatCloseLast() {
        return new CloseLast();
    }

    /** Read from the environment directly: a post-processor is created before properties beans are bound. */
    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static JobAdvisingPostProcessor heartbeatJobAdvisingPostProcessor(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, HeartbeatProperties.Job> jobs = binder.bind("heartbeat.jobs",
                Bindable.mapOf(String.class, HeartbeatProperties.Job.class)).orElse(Map.of());
        boolean enabled = binder.bind("heartbeat.enabled", Boolean.class).orElse(true);
        boolean upsert = enabled && binder.bind("heartbeat.monitors.upsert", Boolean.class).orElse(false);
        return new JobAdvisingPostProcessor(jobs.keySet(), enabled,
                upsert ? new JobSchedules(JobSchedules.readFromTheApplication(jobs)) : null, environment);
    }

    @Bean
    @ConditionalOnMissingBean
    Wiring heartbeatWiring(HeartbeatProperties properties, Environment environment,
                           ObjectProvider<HeartbeatClientCustomizer> customizers,
                           ObjectProvider<HeartbeatListener> listeners, ObjectProvider<AppHealth> appHealth,
                           CloseLast closeLast, JobAdvisingPostProcessor jobs) {
        UnknownKeys.check(environment);
        return new Wiring(properties, environment.getProperty("spring.application.name"),
                customizers.orderedStream().toList(), listeners.orderedStream().toList(), appHealth.getIfAvailable(),
                Clock.systemUTC(), closeLast, jobs.schedules());
    }

    /** The service client of {@code heartbeat.endpoint}; does nothing when it is unset. The starter closes it. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    HeartbeatClient heartbeatClient(Wiring wiring) {
        return wiring.serviceClient();
    }

    /** The service client and one client per {@code heartbeat.jobs.<name>.endpoint}. The starter closes them. */
    @Bean
    @ConditionalOnMissingBean
    HeartbeatClients heartbeatClients(Wiring wiring, HeartbeatClient service) {
        return wiring.clients(service);
    }

    /** Registers the ExtInfoProvider beans and starts beats once the application is ready. */
    @Bean
    @ConditionalOnMissingBean
    BeatStarter heartbeatBeatStarter(Wiring wiring, HeartbeatClients clients, ListableBeanFactory beans) {
        return wiring.beatStarter(clients, () -> beans.getBeansOfType(ExtInfoProvider.class));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3Health {
        @Bean
        @ConditionalOnMissingBean(name = "heartbeatHealthIndicator")
        @ConditionalOnProperty(name = "management.health.heartbeat.enabled", matchIfMissing = true)
        Boot3HealthIndicator heartbeatHealthIndicator(Wiring wiring) {
            return new Boot3HealthIndicator(wiring.deliveryHealth());
        }

        @Bean
        @ConditionalOnMissingBean
        Boot3AppHealth heartbeatAppHealth(ObjectProvider<org.springframework.boot.actuate.health.HealthEndpoint> endpoint) {
            return new Boot3AppHealth(endpoint);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    // A Boot 3 application with a stray Boot 4 health jar has both: Boot 3's adapter is then the one.
    @ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "heartbeatHealthIndicator")
        @ConditionalOnProperty(name = "management.health.heartbeat.enabled", matchIfMissing = true)
        Boot4HealthIndicator heartbeatHealthIndicator(Wiring wiring) {
            return new Boot4HealthIndicator(wiring.deliveryHealth());
        }

        @Bean
        @ConditionalOnMissingBean
        Boot4AppHealth heartbeatAppHealth(
                ObjectProvider<org.springframework.boot.health.actuate.endpoint.HealthEndpoint> endpoint) {
            return new Boot4AppHealth(endpoint);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class Sanitizing {
        @Bean
        @ConditionalOnMissingBean
        EndpointSanitizer heartbeatEndpointSanitizer(HeartbeatProperties properties) {
            return new EndpointSanitizer(properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Meters {
        @Bean
        @ConditionalOnMissingBean
        HeartbeatMeters heartbeatMeters(HeartbeatClients clients) {
            return new HeartbeatMeters(clients, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.quartz.Scheduler")
    static class Quartz {
        @Bean
        @ConditionalOnMissingBean
        QuartzListenerRegistrar heartbeatQuartzListener(ObjectProvider<Scheduler> schedulers, HeartbeatClients clients,
                                                        JobAdvisingPostProcessor jobs) {
            return new QuartzListenerRegistrar(schedulers, clients, jobs.schedules());
        }
    }
}
