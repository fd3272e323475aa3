package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.internal.Wildcard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The options of a deployment, named and defaulted as azure.datafactory.tools' New-AdfPublishOption.
 * Rules are {@code type.name[@folder]} with wildcards ({@code pipeline.Copy*}, {@code *.*@test*},
 * {@code trigger.*}). With includes, only matches are deployed; else with excludes, all but matches.
 *
 * <pre>{@code
 * PublishOptions o = PublishOptions.builder()
 *     .filterFile(Path.of("deployment/rules.txt"))      // +rule / rule: include, -rule: exclude
 *     .exclude("*.SharedIR*")
 *     .deleteNotInSource(true)
 *     .triggerStop(TriggerStopMethod.DEPLOYABLE_ONLY).triggerStart(TriggerStartMethod.KEEP_PREVIOUS_STATE)
 *     .build();
 * }</pre>
 */
public final class PublishOptions {
    private final List<String> includes;
    private final List<String> excludes;
    private final boolean deleteNotInSource;
    private final boolean stopStartTriggers;
    private final boolean deployGlobalParams;
    private final boolean failsWhenConfigItemNotFound;
    private final boolean failsWhenPathNotFound;
    private final boolean ignoreLackOfReferencedObject;
    private final boolean doNotStopStartExcludedTriggers;
    private final boolean doNotDeleteExcludedObjects;
    private final boolean incrementalDeployment;
    private final StateStore incrementalState;
    private final TriggerStopMethod triggerStop;
    private final TriggerStartMethod triggerStart;
    private final int parallelism;
    private final Duration operationTimeout;
    private final String createFactoryIn;
    private final int triggerStartAttempts;
    private final Duration triggerStartWait;

    private PublishOptions(Builder b) {
        this.includes = List.copyOf(b.includes);
        this.excludes = List.copyOf(b.excludes);
        this.deleteNotInSource = b.deleteNotInSource;
        this.stopStartTriggers = b.stopStartTriggers;
        this.deployGlobalParams = b.deployGlobalParams;
        this.failsWhenConfigItemNotFound = b.failsWhenConfigItemNotFound;
        this.failsWhenPathNotFound = b.failsWhenPathNotFound;
        this.ignoreLackOfReferencedObject = b.ignoreLackOfReferencedObject;
        this.doNotStopStartExcludedTriggers = b.doNotStopStartExcludedTriggers;
        this.doNotDeleteExcludedObjects = b.doNotDeleteExcludedObjects;
        this.incrementalDeployment = b.incrementalDeployment;
        this.incrementalState = b.incrementalState;
        this.triggerStop = b.triggerStop;
        this.triggerStart = b.triggerStart;
        this.parallelism = b.parallelism;
        this.operationTimeout = b.operationTimeout;
        this.createFactoryIn = b.createFactoryIn;
        this.triggerStartAttempts = b.triggerStartAttempts;
        this.triggerStartWait = b.triggerStartWait;
    }

    /** The defaults. */
    public static PublishOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.includes.addAll(includes);
        b.excludes.addAll(excludes);
        b.deleteNotInSource = deleteNotInSource;
        b.stopStartTriggers = stopStartTriggers;
        b.deployGlobalParams = deployGlobalParams;
        b.failsWhenConfigItemNotFound = failsWhenConfigItemNotFound;
        b.failsWhenPathNotFound = failsWhenPathNotFound;
        b.ignoreLackOfReferencedObject = ignoreLackOfReferencedObject;
        b.doNotStopStartExcludedTriggers = doNotStopStartExcludedTriggers;
        b.doNotDeleteExcludedObjects = doNotDeleteExcludedObjects;
        b.incrementalDeployment = incrementalDeployment;
        b.incrementalState = incrementalState;
        b.triggerStop = triggerStop;
        b.triggerStart = triggerStart;
        b.parallelism = parallelism;
        b.operationTimeout = operationTimeout;
        b.createFactoryIn = createFactoryIn;
        b.triggerStartAttempts = triggerStartAttempts;
        b.triggerStartWait = triggerStartWait;
        return b;
    }

    public List<String> includes() {
        return includes;
    }

    public List<String> excludes() {
        return excludes;
    }

    public boolean deleteNotInSource() {
        return deleteNotInSource;
    }

    public boolean stopStartTriggers() {
        return stopStartTriggers;
    }

    public boolean deployGlobalParams() {
        return deployGlobalParams;
    }

    public boolean failsWhenConfigItemNotFound() {
        return failsWhenConfigItemNotFound;
    }

    public boolean failsWhenPathNotFound() {
        return failsWhenPathNotFound;
    }

    public boolean ignoreLackOfReferencedObject() {
        return ignoreLackOfReferencedObject;
    }

    public boolean doNotStopStartExcludedTriggers() {
        return doNotStopStartExcludedTriggers;
    }

    public boolean doNotDeleteExcludedObjects() {
        return doNotDeleteExcludedObjects;
    }

    public boolean incrementalDeployment() {
        return incrementalDeployment;
    }

    /** Where the state of incremental deployment is kept, or null. */
    public StateStore incrementalState() {
        return incrementalState;
    }

    public TriggerStopMethod triggerStop() {
        return triggerStop;
    }

    public TriggerStartMethod triggerStart() {
        return triggerStart;
    }

    /** The most objects deployed at once within one dependency level. */
    public int parallelism() {
        return parallelism;
    }

    /** The longest wait for one long-running operation (trigger start/stop, a slow PUT). */
    public Duration operationTimeout() {
        return operationTimeout;
    }

    /**
     * How many times a trigger start is tried while the service answers that the trigger is still provisioning
     * ("Resource cannot be updated during provisioning", typical of storage-event triggers just subscribed).
     */
    public int triggerStartAttempts() {
        return triggerStartAttempts;
    }

    /** The wait before the second start attempt; it doubles after each further attempt (up to 8 times). */
    public Duration triggerStartWait() {
        return triggerStartWait;
    }

    /** The region a missing factory is created in, or null (then a missing factory is an error, ADFT0027). */
    public String createFactoryIn() {
        return createFactoryIn;
    }

    /** Whether an object is deployed by the rules (IsNameMatch: name part against type.name, folder part against the folder). */
    public boolean isSelected(String fullName, String folder) {
        if (!includes.isEmpty()) {
            return includes.stream().anyMatch(r -> ruleMatches(r, fullName, folder));
        }
        if (!excludes.isEmpty()) {
            return excludes.stream().noneMatch(r -> ruleMatches(r, fullName, folder));
        }
        return true;
    }

    /** Whether an object counts as excluded for trigger and delete decisions (IsNameExcluded). */
    public boolean isExcluded(String fullName, String folder) {
        String name = folder == null || folder.isEmpty() ? fullName : fullName + "@" + folder;
        if (excludes.stream().anyMatch(r -> Wildcard.matches(r, name) || ruleMatches(r, fullName, folder))) {
            return true;
        }
        return !includes.isEmpty() && includes.stream().noneMatch(r -> Wildcard.matches(r, name) || ruleMatches(r, fullName, folder));
    }

    private static boolean ruleMatches(String rule, String fullName, String folder) {
        int at = rule.indexOf('@');
        if (at < 0) {
            return Wildcard.matches(rule, fullName);
        }
        String f = rule.substring(at + 1);
        int at2 = f.indexOf('@');
        if (at2 >= 0) {
            f = f.substring(0, at2);
        }
        return Wildcard.matches(rule.substring(0, at), fullName) && Wildcard.matches(f, folder == null ? "" : folder);
    }

    @Override
    public String toString() {
        return "PublishOptions[includes=" + includes + ", excludes=" + excludes + ", deleteNotInSource=" + deleteNotInSource
                + ", stopStartTriggers=" + stopStartTriggers + ", triggerStop=" + triggerStop + ", triggerStart=" + triggerStart
                + ", doNotStopStartExcludedTriggers=" + doNotStopStartExcludedTriggers + ", doNotDeleteExcludedObjects="
                + doNotDeleteExcludedObjects + ", incremental=" + incrementalDeployment + ", parallelism=" + parallelism + "]";
    }

    /** Builds {@link PublishOptions}; rules are checked as they are added. */
    public static final class Builder {
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private boolean deleteNotInSource;
        private boolean stopStartTriggers = true;
        private boolean deployGlobalParams = true;
        private boolean failsWhenConfigItemNotFound = true;
        private boolean failsWhenPathNotFound = true;
        private boolean ignoreLackOfReferencedObject;
        private boolean doNotStopStartExcludedTriggers;
        private boolean doNotDeleteExcludedObjects = true;
        private boolean incrementalDeployment;
        private StateStore incrementalState;
        private TriggerStopMethod triggerStop = TriggerStopMethod.ALL_ENABLED;
        private TriggerStartMethod triggerStart = TriggerStartMethod.BASED_ON_SOURCE_CODE;
        private int parallelism = 8;
        private Duration operationTimeout = Duration.ofMinutes(10);
        private String createFactoryIn;
        private int triggerStartAttempts = 5;
        private Duration triggerStartWait = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Adds an include rule {@code type.name[@folder]}. */
        public Builder include(String rule) {
            add(includes, rule, null, 0);
            return this;
        }

        /** Adds an exclude rule {@code type.name[@folder]}. */
        public Builder exclude(String rule) {
            add(excludes, rule, null, 0);
            return this;
        }

        private void add(List<String> to, String rule, Path file, int line) {
            String r = Objects.requireNonNull(rule, "rule").strip();
            try {
                Wildcard.compile(r);
            } catch (IllegalArgumentException e) {
                throw new AdfException("invalid rule", List.of(Diagnostic.error("ADFX0114", e.getMessage(), file, line, r)));
            }
            if (to.stream().anyMatch(x -> x.equalsIgnoreCase(r))) {
                throw new AdfException("duplicate rule", List.of(Diagnostic.error("ADFX0113",
                        "the rule '" + r + "' is given twice", file, line, r)));
            }
            to.add(r);
        }

        /**
         * Reads rules from a file (UTF-8): one per line or comma-separated; {@code +rule} or a bare rule includes,
         * {@code -rule} excludes; blank lines are skipped.
         *
         * @throws AdfException ADFT0026 when the file does not exist, ADFX0113 for a rule given twice
         */
        public Builder filterFile(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new AdfException("cannot read the filter file", List.of(Diagnostic.error("ADFT0026",
                        "File does not exist: " + file, file, 0, null)));
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                for (String part : line.split(",")) {
                    String t = part.strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    if (t.startsWith("-")) {
                        add(excludes, t.substring(1), file, i + 1);
                    } else {
                        add(includes, t.replace("+", ""), file, i + 1);
                    }
                }
            }
            return this;
        }

        /** Deletes target objects that are not in the source (never managed VNets, endpoints, global parameters). */
        public Builder deleteNotInSource(boolean v) {
            this.deleteNotInSource = v;
            return this;
        }

        public Builder stopStartTriggers(boolean v) {
            this.stopStartTriggers = v;
            return this;
        }

        public Builder deployGlobalParams(boolean v) {
            this.deployGlobalParams = v;
            return this;
        }

        public Builder failsWhenConfigItemNotFound(boolean v) {
            this.failsWhenConfigItemNotFound = v;
            return this;
        }

        public Builder failsWhenPathNotFound(boolean v) {
            this.failsWhenPathNotFound = v;
            return this;
        }

        public Builder ignoreLackOfReferencedObject(boolean v) {
            this.ignoreLackOfReferencedObject = v;
            return this;
        }

        public Builder doNotStopStartExcludedTriggers(boolean v) {
            this.doNotStopStartExcludedTriggers = v;
            return this;
        }

        public Builder doNotDeleteExcludedObjects(boolean v) {
            this.doNotDeleteExcludedObjects = v;
            return this;
        }

        /**
         * Skips objects whose deployed content is unchanged since the state file's deployment; saves the state after.
         * The path is the state file, or a folder holding {@code {factory}.adftools_deployment_state.json}; null turns
         * incremental deployment off.
         */
        public Builder incremental(Path stateFile) {
            return incremental(stateFile == null ? null : StateStore.file(stateFile));
        }

        /** As {@link #incremental(Path)}, with the state kept anywhere (an Azure Storage blob: {@link StateStore#blob}). */
        public Builder incremental(StateStore store) {
            this.incrementalDeployment = store != null;
            this.incrementalState = store;
            return this;
        }

        /**
         * Trigger starts: at most {@code attempts} tries while the trigger is still provisioning, waiting
         * {@code firstWait}, then twice as long each time (up to 8 times it), all within the operation timeout;
         * default 5 tries from 10 s, as azure.datafactory.tools (#484).
         */
        public Builder triggerStartRetries(int attempts, Duration firstWait) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            this.triggerStartAttempts = attempts;
            this.triggerStartWait = Objects.requireNonNull(firstWait, "firstWait");
            return this;
        }

        public Builder triggerStop(TriggerStopMethod m) {
            this.triggerStop = Objects.requireNonNull(m, "m");
            return this;
        }

        public Builder triggerStart(TriggerStartMethod m) {
            this.triggerStart = Objects.requireNonNull(m, "m");
            return this;
        }

        /** The most objects deployed at once within one dependency level (1 deploys one by one). */
        public Builder parallelism(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = n;
            return this;
        }

        public Builder operationTimeout(Duration d) {
            this.operationTimeout = Objects.requireNonNull(d, "d");
            return this;
        }

        /** Creates the factory in this region when it does not exist (the tool's CreateNewInstance with -Location). */
        public Builder createFactoryIn(String location) {
            this.createFactoryIn = location == null || location.isBlank() ? null : location.strip().toLowerCase(Locale.ROOT);
            return this;
        }

        public PublishOptions build() {
            return new PublishOptions(this);
        }
    }
}
