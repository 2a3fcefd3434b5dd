package org.assistance.equipmentservice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.assistance.testsupport.PlatformTestResource;

/** Every test of equipment-service runs against one real broker and a fresh "requests" database. */
@WithTestResource(
        value = PlatformTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "equipment"))
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
