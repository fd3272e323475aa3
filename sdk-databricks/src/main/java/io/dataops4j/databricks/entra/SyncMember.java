package io.dataops4j.databricks.entra;

/**
 * One identity in a {@link SyncPlan}.
 *
 * @param kind         a user or a service principal
 * @param databricksId its Databricks id, or null when it is still to be created (or cannot be matched)
 * @param key          what it is matched by: a user name (email) or an application id
 * @param displayName  its display name, or null
 * @param entraId      its Entra object id, or null for a Databricks member not in the Entra group
 */
public record SyncMember(Kind kind, String databricksId, String key, String displayName, String entraId) {
    /** The kinds of identity a sync handles. */
    public enum Kind {
        USER("user"), SERVICE_PRINCIPAL("service principal");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** "user" or "service principal". */
        public String label() {
            return label;
        }
    }

    /** {@code user ada@contoso.com (1001)}. */
    public String describe() {
        return kind.label() + " " + key + (displayName != null && !displayName.equals(key) ? " \"" + displayName + "\"" : "")
                + (databricksId != null ? " (" + databricksId + ")" : "");
    }
}
