package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** The job's schedule at the time of the run. */
public record CronSchedule(
        @Json(name = "quartz_cron_expression") String quartzCronExpression,
        @Json(name = "timezone_id") String timezoneId,
        @Json(name = "pause_status") String pauseStatus) {
}
