package io.dataops4j.mlflow.tracking;

import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.Lists;
import java.util.List;
import java.util.Objects;

/**
 * A dataset as an input of a run, with input tags such as {@code mlflow.data.context=training}.
 *
 * @param tags    the input's tags
 * @param dataset the dataset
 */
public record DatasetInput(List<Tag> tags, Dataset dataset) {
    public DatasetInput {
        tags = Lists.view(tags);
        Objects.requireNonNull(dataset, "dataset");
    }

    /** A dataset used in a context ({@code training}, {@code validation}, ...): the tag {@code mlflow.data.context}. */
    public static DatasetInput of(Dataset dataset, String context) {
        return new DatasetInput(context == null ? List.of() : List.of(Tag.of("mlflow.data.context", context)), dataset);
    }
}
