package org.assistance.reportingservice.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.assistance.testsupport.architecture.ServiceShape;

/** reporting-service has the one shape every service has (ServiceShape says which and why). */
@AnalyzeClasses(packages = "org.assistance.reportingservice", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceShapeTest {
    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceShape.class);
}
