package org.assistance.programservice.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.assistance.testsupport.architecture.ServiceShape;

/** program-service has the one shape every service has (rules in {@link ServiceShape}). */
@AnalyzeClasses(packages = "org.assistance.programservice", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceShapeTest {
    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceShape.class);
}
