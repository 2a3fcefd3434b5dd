package org.assistance.programservice;

import org.assistance.testsupport.migrations.CommittedMigrations;

/** This service's migrations are never edited once committed (db/migration/applied-migrations.sha256). */
class CommittedMigrationsTest extends CommittedMigrations {}
