package io.dataops4j.core.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceIdTest {
    @Test
    void buildAndPrint() {
        ResourceId factory = ResourceId.of("sub-1", "rg-data", "Microsoft.DataFactory", "factories", "adf-prod");
        assertEquals("/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DataFactory/factories/adf-prod", factory.path());
        ResourceId pipeline = factory.child("pipelines", "load-sales");
        assertEquals(factory.path() + "/pipelines/load-sales", pipeline.toString());
        assertEquals("load-sales", pipeline.name());
        assertEquals("/subscriptions/s/resourceGroups/rg", ResourceId.resourceGroup("s", "rg").path());
        assertEquals("rg", ResourceId.resourceGroup("s", "rg").name());
    }

    @Test
    void parseRoundTrips() {
        String id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1";
        ResourceId r = ResourceId.parse(id);
        assertEquals("s", r.subscription());
        assertEquals("rg", r.resourceGroup());
        assertEquals("Microsoft.ContainerService", r.namespace());
        assertEquals(List.of("managedClusters"), r.types());
        assertEquals(List.of("aks1"), r.names());
        assertEquals(id, r.path());
        assertEquals(id, ResourceId.parse(id + "/").path());
        ResourceId provider = ResourceId.parse("/subscriptions/s/providers/Microsoft.Resources/deployments/d1");
        assertNull(provider.resourceGroup());
        assertEquals("/subscriptions/s/providers/Microsoft.Resources/deployments/d1", provider.path());
        assertEquals("s", ResourceId.parse("/SUBSCRIPTIONS/s").subscription());
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> ResourceId.parse("/resourceGroups/rg"));
        assertTrue(a.getMessage().contains("must start with /subscriptions/"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> ResourceId.parse("/subscriptions/s/resourceGroups/rg/factories/x"));
        assertTrue(b.getMessage().contains("expected 'providers/{namespace}' at segment 5"), b.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> ResourceId.parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/factories"));
        assertTrue(c.getMessage().contains("resource type 'factories' has no name"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResourceId.of("s", "rg", "Microsoft.X", "t", "a/b"));
        assertThrows(IllegalArgumentException.class, () -> new ResourceId("s", "rg", null, List.of("t"), List.of("n")));
    }
}
