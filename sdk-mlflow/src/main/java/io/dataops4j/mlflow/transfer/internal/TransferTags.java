package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags a transfer writes on what it copies, and the ones a comparison ignores.
 *
 * <p>A copied run carries its source run's id in {@value #SOURCE_RUN_ID} (the key mlflow-export-import writes with
 * {@code --import-source-tags}, so its imports are recognised too), and its copy state: {@value #STATE} is
 * {@value #STARTED} from the moment the run is created and {@value #COMPLETE} only once everything (metrics,
 * artifacts, end time) is in; with it {@value #FINGERPRINT} records what the source looked like. A copied model
 * version carries its source's name and number in {@value #SOURCE_VERSION} and {@value #SOURCE_MODEL}.
 */
public final class TransferTags {
    /** mlflow-export-import's prefix of every provenance tag. */
    public static final String EXIM_PREFIX = "mlflow_exim.";
    /** The source run id of a copied run. */
    public static final String SOURCE_RUN_ID = "mlflow_exim.run_info.run_id";
    /** The prefix of run info provenance tags. */
    public static final String RUN_INFO_PREFIX = "mlflow_exim.run_info.";
    /** The prefix of copies of a run's {@code mlflow.*} tags. */
    public static final String MLFLOW_TAG_PREFIX = "mlflow_exim.mlflow_tag.";
    /** The prefix of field provenance tags (experiments, models, versions). */
    public static final String FIELD_PREFIX = "mlflow_exim.field.";
    /** A copied version's source model (mlflow-export-import's copy lineage tags). */
    public static final String SOURCE_MODEL = "mlflow_exim.src_version.name";
    /** A copied version's source version number. */
    public static final String SOURCE_VERSION = "mlflow_exim.src_version.version";
    /** A copied version's source run. */
    public static final String SOURCE_VERSION_RUN = "mlflow_exim.src_version.run_id";

    /** dataops4j's own prefix. */
    public static final String PREFIX = "dataops4j.transfer.";
    /** The copy state of a run. */
    public static final String STATE = "dataops4j.transfer.state";
    /** What the source run looked like when it was copied. */
    public static final String FINGERPRINT = "dataops4j.transfer.fingerprint";
    public static final String STARTED = "started";
    public static final String COMPLETE = "complete";
    /** A copy that another copy replaced (it is deleted too, but a crash may leave it active). */
    public static final String SUPERSEDED = "superseded";

    /** The logged model (MLflow 3) a logged model copies. */
    public static final String SOURCE_LOGGED_MODEL = "dataops4j.transfer.source_model_id";

    /** The tag of a nested run's parent. */
    public static final String PARENT = "mlflow.parentRunId";

    private TransferTags() {
    }

    /** Whether a tag is a transfer's own, never compared nor copied from a source. */
    public static boolean isTransferTag(String key) {
        return key.startsWith(EXIM_PREFIX) || key.startsWith(PREFIX);
    }

    /** The tags of a source without transfer tags, sorted by key. */
    public static TreeMap<String, String> userTags(List<Tag> tags) {
        TreeMap<String, String> m = new TreeMap<>();
        for (Tag t : tags) {
            if (!isTransferTag(t.key())) {
                m.put(t.key(), t.value() == null ? "" : t.value());
            }
        }
        return m;
    }

    /** mlflow-export-import's provenance tags of a run ({@code --import-source-tags}). */
    public static List<Tag> runProvenance(Map<String, Object> info, Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach((k, v) -> {
            if (k.startsWith("mlflow.")) {
                out.add(Tag.of(MLFLOW_TAG_PREFIX + k.substring("mlflow.".length()), v));
            }
        });
        info.forEach((k, v) -> {
            if (!k.equals("run_id")) {
                out.add(Tag.of(RUN_INFO_PREFIX + k, String.valueOf(v)));
            }
        });
        return out;
    }
}
