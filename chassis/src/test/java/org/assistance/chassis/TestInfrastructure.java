package org.assistance.chassis;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.assistance.testsupport.PlatformTestResource;

/** Every test of this module runs against one real broker and a fresh "chassis" database. */
@WithTestResource(
        value = PlatformTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "chassis"))
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
