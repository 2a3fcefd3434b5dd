package org.assistance.chassis.migrations;

import java.nio.file.Path;
import org.assistance.testsupport.migrations.CommittedMigrations;

/** The chassis' own migrations are never edited once committed (db/chassis/applied-migrations.sha256). */
class CommittedMigrationsTest extends CommittedMigrations {
    @Override
    protected Path folder() {
        return Path.of("src/main/resources/db/chassis");
    }
}
