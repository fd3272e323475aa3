package io.dataops4j.dataiku.datasets;

import io.dataops4j.core.json.RawJson;
import io.dataops4j.dataiku.futures.FutureState;
import java.util.List;

/**
 * What importing a schema's tables as datasets did.
 *
 * @param tables     the tables found and imported
 * @param candidates the import candidates DSS prepared (dataset names, existing datasets), as sent
 * @param execution  the final state of the import's future
 */
public record TablesImport(List<SqlTable> tables, RawJson candidates, FutureState execution) {
    public TablesImport {
        tables = List.copyOf(tables);
    }
}
