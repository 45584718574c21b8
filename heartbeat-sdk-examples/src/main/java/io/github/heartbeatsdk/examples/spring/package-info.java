/** The Spring Boot example: the starter configured by {@code heartbeat.*} properties. */
package io.github.heartbeatsdk.examples.spring;
