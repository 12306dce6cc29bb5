package org.solidarityhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Solidarity Hub: one place for an international solidarity network to run a global campaign.
 * Each direct sub-package is a feature module (see ModularityTests).
 */
// No in-memory user with a generated password: staff accounts are the only accounts.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class SolidarityHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(SolidarityHubApplication.class, args);
    }
}
