package org.assistance.requestservice.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.assistance.testsupport.architecture.ServiceShape;

/** request-service has the one shape every service has (ServiceShape says which and why). */
@AnalyzeClasses(packages = "org.assistance.requestservice", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceShapeTest {
    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceShape.class);
}
