package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * One fresh JVM of {@link BootStartScenario}: a plain non-web Spring Boot application, started
 * with the starter configured (a Sermant service endpoint and a job check) or with its
 * auto-configuration excluded. Prints how long {@code SpringApplication.run} and {@code close()}
 * took.
 *
 * <p>Arguments: {@code with|without <sermant uri> <healthchecks url>}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BootStartChild {
    public static void main(String[] args) {
        boolean with = args[0].equals("with");
        SpringApplication app = new SpringApplication(BootStartChild.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        Map<String, Object> properties = new HashMap<>();
        if (with) {
            properties.put("heartbeat.endpoint", args[1]);
            properties.put("heartbeat.jobs.nightly.endpoint", "healthchecks+" + args[2]);
        } else {
            properties.put("spring.autoconfigure.exclude", HeartbeatAutoConfiguration.class.getName());
        }
        app.setDefaultProperties(properties);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = app.run();
        long started = System.nanoTime();
        context.close();
        long closed = System.nanoTime();
        System.out.println("RESULT runMillis=" + (started - start) / 1e6);
        System.out.println("RESULT closeMillis=" + (closed - started) / 1e6);
    }
}
