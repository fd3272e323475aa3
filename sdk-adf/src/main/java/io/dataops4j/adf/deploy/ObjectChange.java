package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfObjectType;
import java.util.List;

/**
 * What a plan does to one object.
 *
 * @param type   the type
 * @param name   the name
 * @param kind   create, update, delete, unchanged or skipped
 * @param level  the dependency level (deploys: ascending; deletes: descending), or -1
 * @param diff   for updates, one line per changed path ({@code ~ properties.x: 1 -> 2}); secrets masked
 * @param reason why it is unchanged or skipped, or null
 */
public record ObjectChange(AdfObjectType type, String name, Kind kind, int level, List<String> diff, String reason) {
    public ObjectChange {
        diff = List.copyOf(diff);
    }

    /** {@code type.name}. */
    public String fullName() {
        return type.configName() + "." + name;
    }

    /** What happens to an object. */
    public enum Kind {
        CREATE("+", "will be created"),
        UPDATE("~", "will be updated in-place"),
        DELETE("-", "will be destroyed"),
        UNCHANGED("=", "is unchanged"),
        SKIPPED(" ", "is not deployed");

        private final String symbol;
        private final String phrase;

        Kind(String symbol, String phrase) {
            this.symbol = symbol;
            this.phrase = phrase;
        }

        public String symbol() {
            return symbol;
        }

        public String phrase() {
            return phrase;
        }
    }
}
