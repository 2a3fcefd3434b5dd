package org.assistance.equipmentservice.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.assistance.testsupport.architecture.ServiceShape;

/** equipment-service holds the shape every service holds (rules and reasons in {@link ServiceShape}). */
@AnalyzeClasses(packages = "org.assistance.equipmentservice", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceShapeTest {
    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceShape.class);
}
