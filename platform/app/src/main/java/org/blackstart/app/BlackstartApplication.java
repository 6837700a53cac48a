package org.blackstart.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Blackstart: incident workflows on Camunda 7, integrations as Camel routes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BlackstartApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(BlackstartApplication.class, args);
    }
}
