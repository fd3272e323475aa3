package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The testkit's own listing, {@code api/sdk-testkit.api}, made and checked by {@link ApiListing}. */
class ApiListingTest {

    @Test
    void publicApiMatchesTheCommittedListing() {
        String api = ApiListing.of("sdk-testkit", ApiListing.class).noInternalTypes().noPublicConstructors(Faults.class).check();
        assertTrue(api.contains("class io.dataops4j.testkit.ApiListing\n"
                + "  io.dataops4j.testkit.ApiListing noInternalTypes()\n"), api);
        assertTrue(api.contains("  java.lang.String check()\n"), api);
        assertTrue(api.contains("  static io.dataops4j.testkit.ApiListing of(java.lang.String, java.lang.Class<?>)\n"), api);
        assertTrue(!api.contains("io.dataops4j.testkit.internal."), "internal classes are not listed");
    }

    @Test
    void theListingLivesInTheModulesApiDirectory() {
        ApiListing listing = ApiListing.of("sdk-testkit", ApiListing.class);
        assertEquals("sdk-testkit.api", listing.file().getFileName().toString());
        assertEquals(listing.moduleDir().resolve("api"), listing.file().getParent());
        assertTrue(Files.isRegularFile(listing.moduleDir().resolve("pom.xml")), "the module directory holds its pom");
    }

    @Test
    void aPublicConstructorOfASubClientFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ApiListing.of("sdk-testkit", ApiListing.class).noPublicConstructors(MlflowServerExtension.class).check());
        assertEquals("io.dataops4j.testkit.MlflowServerExtension has a public constructor: <init>()", e.getMessage());
    }

    @Test
    void classesNotLoadedFromADirectoryAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ApiListing.of("jdk", String.class).listing());
        assertTrue(e.getMessage().startsWith("java.lang.String was not loaded from a directory of classes"), e.getMessage());
    }

    @Test
    void diffShowsEachMemberUnderItsType() {
        String before = "class a.A\n  void x()\n  void y()\nclass a.B\n  void z()\n";
        String after = "class a.A\n  void x()\n  void w()\nclass a.C\n  void z()\n";
        assertEquals("""
                  class a.A
                -   void y()
                - class a.B
                -   void z()
                  class a.A
                +   void w()
                + class a.C
                +   void z()
                """, ApiListing.diff(before, after));
        assertEquals("", ApiListing.diff(before, before));
    }
}
