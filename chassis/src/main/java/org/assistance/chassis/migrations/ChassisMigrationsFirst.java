package org.assistance.chassis.migrations;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Every service's Flyway (quarkus.flyway.migrate-at-start) applies the chassis migrations first. */
@Singleton
public class ChassisMigrationsFirst implements FlywayConfigurationCustomizer {
    @Override
    public void customize(FluentConfiguration configuration) {
        ChassisMigrations.addTo(configuration, new ChassisMigrations());
    }
}
