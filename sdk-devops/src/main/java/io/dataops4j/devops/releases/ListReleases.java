package io.dataops4j.devops.releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Filters of {@link Releases#list(String, ListReleases)} ({@code GET _apis/release/releases}: {@code definitionId},
 * {@code searchText} (in names), {@code minCreatedTime}, {@code maxCreatedTime}, {@code tagFilter},
 * {@code queryOrder}, {@code $top} per page).
 *
 * <pre>{@code
 * ListReleases recent = ListReleases.builder().definitionId(5).createdAfter(Instant.now().minus(Duration.ofHours(1))).build();
 * }</pre>
 *
 * @param definitionId   releases of this definition, or null
 * @param searchText     releases whose name contains it, or null
 * @param createdAfter   created after this instant, or null
 * @param createdBefore  created before this instant, or null
 * @param tags           releases with all these tags, or empty
 * @param ascending      oldest first (the service's default is newest first)
 * @param pageSize       releases per page ({@code $top}; the service's default is 50), or null
 */
public record ListReleases(Long definitionId, String searchText, Instant createdAfter, Instant createdBefore, List<String> tags,
                           boolean ascending, Integer pageSize) {
    public ListReleases {
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (pageSize != null && pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
    }

    /** A builder with no filter. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ListReleases}. */
    public static final class Builder {
        private Long definitionId;
        private String searchText;
        private Instant createdAfter;
        private Instant createdBefore;
        private final List<String> tags = new ArrayList<>();
        private boolean ascending;
        private Integer pageSize;

        private Builder() {
        }

        public Builder definitionId(long definitionId) {
            this.definitionId = definitionId;
            return this;
        }

        public Builder searchText(String searchText) {
            this.searchText = searchText;
            return this;
        }

        public Builder createdAfter(Instant createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        public Builder createdBefore(Instant createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        public Builder tag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        public Builder ascending(boolean ascending) {
            this.ascending = ascending;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public ListReleases build() {
            return new ListReleases(definitionId, searchText, createdAfter, createdBefore, tags, ascending, pageSize);
        }
    }
}
