package io.github.camelportabilling.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example routes on Camel Spring Boot. The component is configured from {@code application.yml}
 * ({@code camel.component.portabilling.*}, through camel-portabilling-starter); without {@code PORTABILLING_HOST} the
 * app runs against a simulator started in this JVM ({@link DemoServerConfiguration}). The health of the routes, the
 * consumers and the PortaBilling producers is at {@code /actuator/health}.
 */
@SpringBootApplication
public class ExampleSpringBootApp {

    public static void main(String[] args) {
        SpringApplication.run(ExampleSpringBootApp.class, args);
    }
}
