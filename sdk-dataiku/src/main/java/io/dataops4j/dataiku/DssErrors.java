package io.dataops4j.dataiku;

import io.dataops4j.core.error.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dataiku DSS error codes ({@code ERR_...}, and Entra ID's {@code AADSTS...} that DSS passes on) and what to do about
 * the well-known ones. DSS names the code in its error bodies, in a job's {@code baseStatus.unexpectedFailure}, in a
 * step's {@code thrown.code} and in connection test results; the client's exceptions carry the code as
 * {@link ServiceException#errorCode()} and the hint in their message.
 *
 * <pre>{@code
 * try { dss.connections().test("synapse-dw"); }
 * catch (ServiceException e) { DssErrors.hint(e).ifPresent(h -> log.error("to fix: {}", h)); }
 * }</pre>
 */
public final class DssErrors {
    private static final Pattern CODE = Pattern.compile("\\b(ERR_[A-Z0-9_]+|AADSTS\\d{5,})\\b");
    private static final Map<String, String> HINTS = new LinkedHashMap<>();

    static {
        HINTS.put("ERR_SQL_CANNOT_LOAD_DRIVER", "the SQL Server JDBC driver (mssql-jdbc) is missing from DATA_DIR/lib/jdbc "
                + "on the DSS host; install it and restart DSS (only a DSS administrator can; use mssql-jdbc 7.2 or later "
                + "for Entra ID logins)");
        HINTS.put("ERR_CONNECTION_AZURE_INVALID_CONFIG", "the Azure Blob connection's settings are invalid: check the storage "
                + "account, the auth type and its credentials (access key, or tenant, app id and secret)");
        HINTS.put("ERR_CONNECTION_SQL_INVALID_CONFIG", "the SQL connection's settings are invalid: check host, port, "
                + "database, user and password, or the custom JDBC URL");
        HINTS.put("ERR_CONNECTION_INVALID_CONFIG", "the connection's settings are invalid: open it in DSS "
                + "(Administration > Connections) and check each field");
        HINTS.put("ERR_NOT_USABLE_FOR_USER", "the connection is restricted (usableBy=ALLOWED) to groups the API key's user "
                + "is not in; add the group to the connection, or use a personal or global admin API key");
        HINTS.put("ERR_PROJECT_UNKNOWN_PROJECT_KEY", "no project has this key: list the projects to check its spelling");
        HINTS.put("ERR_FSPROVIDER_ROOT_PATH_DOES_NOT_EXIST", "the connection's root (container or path restriction) does not "
                + "exist in the storage account: create the container or fix chcontainer/chroot");
        HINTS.put("ERR_FSPROVIDER_PATH_DOES_NOT_EXIST", "the path does not exist in the connection: check the dataset's "
                + "path and container");
        HINTS.put("AADSTS700016", "Entra ID does not know the application (client) id in this tenant: check the app id "
                + "and the tenant id of the service principal");
        HINTS.put("AADSTS7000218", "Entra ID received no client secret: set the app secret (appSecret, or "
                + "azureOAuthLoginClientSecret for SQL)");
        HINTS.put("AADSTS7000215", "Entra ID rejected the client secret: it is wrong or expired; use the secret's value, "
                + "not its id");
    }

    private DssErrors() {
    }

    /** What to do about a code, when it is a known one. */
    public static Optional<String> hint(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(HINTS.get(code.toUpperCase(Locale.ROOT)));
    }

    /** What to do about an error from DSS, when its code is a known one. */
    public static Optional<String> hint(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceException s) {
                Optional<String> h = hint(s.errorCode());
                if (h.isPresent()) {
                    return h;
                }
            }
            for (String code : codesIn(t.getMessage())) {
                Optional<String> h = hint(code);
                if (h.isPresent()) {
                    return h;
                }
            }
        }
        return Optional.empty();
    }

    /** The codes named in a text ({@code ERR_...}, {@code AADSTS...}), in order, each once. */
    public static List<String> codesIn(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return List.copyOf(new ArrayList<>(out));
    }

    /** The codes that have a hint. */
    public static List<String> knownCodes() {
        return List.copyOf(HINTS.keySet());
    }
}
