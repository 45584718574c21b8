package io.github.heartbeatsdk.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application whose health is DOWN: actuator's disk-space indicator with a threshold no disk
 * meets (a property every Spring Boot version has, so the test needs no version-specific type).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class UnhealthyApp {
    static final String DOWN = "management.health.diskspace.threshold=1000TB";
}
