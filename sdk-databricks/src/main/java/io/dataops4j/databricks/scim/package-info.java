/**
 * SCIM 2.0 identities of a Databricks workspace or account: {@link io.dataops4j.databricks.scim.Scim} with its
 * {@link io.dataops4j.databricks.scim.Users}, {@link io.dataops4j.databricks.scim.Groups} and
 * {@link io.dataops4j.databricks.scim.ServicePrincipals}; lazy listings ({@code startIndex}/{@code count}) with
 * {@link io.dataops4j.databricks.scim.ScimQuery} and {@link io.dataops4j.databricks.scim.ScimFilter}; partial updates
 * with {@link io.dataops4j.databricks.scim.PatchOp}.
 */
package io.dataops4j.databricks.scim;
