package io.dataops4j.databricks.scim;

/** The SCIM schema URNs Databricks uses. */
public final class Schemas {
    /** A user. */
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** A group. */
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** A service principal. */
    public static final String SERVICE_PRINCIPAL = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
    /** A PATCH request. */
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** A listing's answer. */
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /** An error. */
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private Schemas() {
    }
}
