/**
 * Entra ID (Azure AD) group sync into Databricks: a small Microsoft Graph reader of a group's transitive members
 * ({@link io.dataops4j.databricks.entra.GraphClient}), and {@link io.dataops4j.databricks.entra.GroupSync}, which plans
 * ({@link io.dataops4j.databricks.entra.SyncPlan}) and applies the reconciliation of a Databricks group with it
 * through SCIM, nested Entra groups flattened.
 */
package io.dataops4j.databricks.entra;
