package io.dataops4j.dataiku.testsupport;

import io.dataops4j.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that does not sleep: it records each wait asked for and, when given a clock, moves it on. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final FakeClock clock;

    public RecordingSleeper() {
        this(null);
    }

    public RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
    }

    /** Every wait asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    public List<Long> waitsMillis() {
        return waits.stream().map(Duration::toMillis).toList();
    }
}
