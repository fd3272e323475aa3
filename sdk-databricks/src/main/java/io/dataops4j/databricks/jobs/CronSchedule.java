package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A job's Quartz cron schedule ({@code schedule}). The expression and the timezone are checked when the schedule is
 * made: an invalid expression fails naming the field and why, an unknown timezone naming it.
 *
 * <pre>{@code
 * CronSchedule nightly = CronSchedule.quartz("31 45 20 * * ?", "Europe/Paris");
 * nightly.nextFireTimes(ZonedDateTime.now(), 3).forEach(System.out::println);
 * }</pre>
 *
 * @param quartzCronExpression the Quartz expression (seconds first)
 * @param timezoneId           a Java time zone id ({@code Europe/Paris}, {@code UTC})
 * @param pauseStatus          whether it fires; null leaves the service's default (unpaused)
 */
public record CronSchedule(@Json(name = "quartz_cron_expression") String quartzCronExpression,
                           @Json(name = "timezone_id") String timezoneId,
                           @Json(name = "pause_status") PauseStatus pauseStatus) {
    public CronSchedule {
        Objects.requireNonNull(quartzCronExpression, "quartzCronExpression");
        Objects.requireNonNull(timezoneId, "timezoneId");
    }

    /**
     * A schedule, checked.
     *
     * @throws QuartzCron.InvalidCronException when the expression is invalid
     * @throws IllegalArgumentException         when the timezone is unknown
     */
    public static CronSchedule quartz(String expression, String timezoneId) {
        CronSchedule s = new CronSchedule(expression, timezoneId, null);
        s.validate();
        return s;
    }

    /** The same schedule, paused or not. */
    public CronSchedule paused(boolean paused) {
        return new CronSchedule(quartzCronExpression, timezoneId, paused ? PauseStatus.PAUSED : PauseStatus.UNPAUSED);
    }

    /** Checks the expression and the timezone; see {@link #quartz(String, String)}. */
    public void validate() {
        QuartzCron.parse(quartzCronExpression);
        zone();
    }

    /** The timezone. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timezoneId);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("schedule timezone_id '" + timezoneId + "' is not a known time zone "
                    + "(use a Java time zone id such as Europe/Paris or UTC)", e);
        }
    }

    /** The next {@code count} fire times after {@code after}, in the schedule's timezone. */
    public List<ZonedDateTime> nextFireTimes(ZonedDateTime after, int count) {
        return QuartzCron.parse(quartzCronExpression).nextFireTimes(after.withZoneSameInstant(zone()), count);
    }
}
