package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an Azure Blob Storage connection (DSS type {@code Azure}): a storage account reached with its access key
 * ({@code SHARED_KEY}) or a service principal ("OAuth from App", {@code OAUTH2_APP}), optionally restricted to one
 * container and path, with the container and path where DSS writes managed datasets ({@code dataiku} and
 * {@code /dataiku} by default).
 *
 * <pre>{@code
 * ConnectionSpec blob = AzureBlobConnection.builder("azure-blob-dataiku", "dataopsstore")
 *     .oauthApp(tenantId, appId, Secret.of(System.getenv("AZURE_CLIENT_SECRET")))
 *     .restrictToContainer("dataiku")
 *     .hdfsInterface(AzureBlobConnection.HdfsInterface.ABFS)
 *     .security(ConnectionSecurity.builder().usableBy("data-engineers").detailsReadableBy("dss-admins")
 *         .credentialsMode(CredentialsMode.GLOBAL).build())
 *     .build();
 * dss.connections().create(blob);
 * }</pre>
 */
public final class AzureBlobConnection {
    /** The connection type. */
    public static final String TYPE = "Azure";

    /** How DSS authenticates to the storage account ({@code authType}). */
    public enum Auth {
        /** The storage account's access key ({@code accessKey}). */
        SHARED_KEY,
        /** A service principal: tenant, app (client) id and secret ({@code tenantId}, {@code appId}, {@code appSecret}). */
        OAUTH2_APP
    }

    /** The Hadoop file system interface used for Spark and Hive ({@code hdfsInterface}). */
    public enum HdfsInterface {
        WASB, ABFS, NONE
    }

    private AzureBlobConnection() {
    }

    /** A builder for a connection to a storage account. */
    public static Builder builder(String name, String storageAccount) {
        return new Builder(name, storageAccount);
    }

    /** Builds the {@link ConnectionSpec} of an Azure Blob connection. */
    public static final class Builder {
        private final String name;
        private final String storageAccount;
        private Auth auth;
        private Secret accessKey;
        private String tenantId;
        private String appId;
        private Secret appSecret;
        private String container;
        private String path = "";
        private String defaultManagedContainer = "dataiku";
        private String defaultManagedPath = "/dataiku";
        private boolean useSsl = true;
        private HdfsInterface hdfsInterface;
        private String description;
        private ConnectionSecurity security = ConnectionSecurity.unchanged();
        private final Map<String, Object> extraParams = new LinkedHashMap<>();

        private Builder(String name, String storageAccount) {
            this.name = ConnectionSpec.Builder.requireText(name, "name");
            this.storageAccount = ConnectionSpec.Builder.requireText(storageAccount, "storage account");
        }

        /** Authenticates with the storage account's access key. */
        public Builder sharedKey(Secret accessKey) {
            this.auth = Auth.SHARED_KEY;
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            return this;
        }

        /** Authenticates as a service principal ("OAuth from App"). */
        public Builder oauthApp(String tenantId, String appId, Secret appSecret) {
            this.auth = Auth.OAUTH2_APP;
            this.tenantId = ConnectionSpec.Builder.requireText(tenantId, "tenant id");
            this.appId = ConnectionSpec.Builder.requireText(appId, "app id");
            this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
            return this;
        }

        /** Restricts the connection to one container ({@code chcontainer}). */
        public Builder restrictToContainer(String container) {
            this.container = ConnectionSpec.Builder.requireText(container, "container");
            return this;
        }

        /** Restricts the connection to a path within the container ({@code chroot}). */
        public Builder restrictToPath(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Where DSS writes managed datasets and folders: container and path ({@code dataiku} and {@code /dataiku}). */
        public Builder defaultManaged(String container, String path) {
            this.defaultManagedContainer = Objects.requireNonNull(container, "container");
            this.defaultManagedPath = Objects.requireNonNull(path, "path");
            return this;
        }

        public Builder useSsl(boolean useSsl) {
            this.useSsl = useSsl;
            return this;
        }

        public Builder hdfsInterface(HdfsInterface hdfsInterface) {
            this.hdfsInterface = hdfsInterface;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder security(ConnectionSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Any other parameter this builder does not name (newer DSS versions add some). */
        public Builder param(String key, Object value) {
            extraParams.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        public ConnectionSpec build() {
            if (auth == null) {
                throw new IllegalStateException("Azure Blob connection '" + name + "' needs an authentication: "
                        + "sharedKey(accessKey) or oauthApp(tenantId, appId, appSecret)");
            }
            ConnectionSpec.Builder b = ConnectionSpec.builder(name, TYPE).description(description).security(security)
                    .param("storageAccount", storageAccount)
                    .param("authType", auth.name());
            if (auth == Auth.SHARED_KEY) {
                b.secretParam("accessKey", accessKey);
            } else {
                b.param("tenantId", tenantId).param("appId", appId).secretParam("appSecret", appSecret);
            }
            if (container != null) {
                b.param("chcontainer", container).param("chroot", path);
            } else if (!path.isEmpty()) {
                throw new IllegalStateException("a path restriction needs a container restriction");
            }
            b.param("defaultManagedContainer", defaultManagedContainer)
                    .param("defaultManagedPath", defaultManagedPath)
                    .param("useSSL", useSsl);
            if (hdfsInterface != null) {
                b.param("hdfsInterface", hdfsInterface.name());
            }
            b.params(extraParams);
            return b.build();
        }
    }
}
