package io.dataops4j.mlflow.internal;

import java.util.Collections;
import java.util.List;

/** Read-only list views without copying what the JSON reader built. */
public final class Lists {
    private Lists() {
    }

    /** An unmodifiable view of a list; null gives an empty list. */
    public static <T> List<T> view(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(list);
    }
}
