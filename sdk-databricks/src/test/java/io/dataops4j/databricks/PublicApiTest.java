package io.dataops4j.databricks;

import io.dataops4j.databricks.jobs.Jobs;
import io.dataops4j.databricks.mlflow.DbfsArtifactRepository;
import io.dataops4j.databricks.registry.RegistryWebhooks;
import io.dataops4j.databricks.scim.Groups;
import io.dataops4j.databricks.scim.Scim;
import io.dataops4j.databricks.scim.ServicePrincipals;
import io.dataops4j.databricks.scim.Users;
import io.dataops4j.databricks.sql.Sql;
import io.dataops4j.databricks.sql.Statements;
import io.dataops4j.databricks.sql.Warehouses;
import io.dataops4j.testkit.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * Writes the public API of sdk-databricks to {@code api/sdk-databricks.api} (committed, so that every change to it shows
 * in review) and checks that it exposes no wire library type (callers never see OkHttp, Okio or Moshi) and no type of
 * the module's {@code internal} package: sub-clients are made by {@code DatabricksClient}, not by callers.
 */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCommittedListing() {
        ApiListing.of("sdk-databricks", DatabricksClient.class)
                .noInternalTypes()
                .noPublicConstructors(Jobs.class, Sql.class, Warehouses.class, Statements.class, Scim.class, Users.class,
                        Groups.class, ServicePrincipals.class, RegistryWebhooks.class, DbfsArtifactRepository.class)
                .check();
    }
}
