package io.dataops4j.cli.mlflow;

import io.dataops4j.mlflow.tracking.ViewType;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --view active|deleted|all} (MLflow's names {@code ACTIVE_ONLY}, {@code DELETED_ONLY}, {@code ALL} also work). */
final class ViewTypeConverter implements ITypeConverter<ViewType> {
    @Override
    public ViewType convert(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "active", "active_only" -> ViewType.ACTIVE_ONLY;
            case "deleted", "deleted_only" -> ViewType.DELETED_ONLY;
            case "all" -> ViewType.ALL;
            default -> throw new TypeConversionException("expected active, deleted or all but was '" + value + "'");
        };
    }
}
