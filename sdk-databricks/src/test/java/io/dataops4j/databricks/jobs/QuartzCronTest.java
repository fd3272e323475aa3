package io.dataops4j.databricks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuartzCronTest {
    @ParameterizedTest(name = "valid: {0}")
    @CsvSource(delimiter = '|', value = {
            "31 45 20 * * ?",
            "0 0 12 ? * MON-FRI",
            "0 0/15 * * * ?",
            "0 0 8 L * ?",
            "0 0 8 LW * ?",
            "0 0 8 L-3 * ?",
            "0 0 8 15W * ?",
            "0 0 9 ? * 6#3",
            "0 0 9 ? * 6L",
            "0 0 9 ? * L",
            "0 15 10 ? * * 2030",
            "0 0 22-2 * * ?",
            "0 0 0 1 JAN,JUL ?",
            "0 0 0 ? * SUN",
            "0 10,20,30 * * * ?",
            "*/5 * * * * ?",
            "0 0 12 1/5 * ?"})
    void validExpressions(String expression) {
        assertTrue(QuartzCron.isValid(expression));
    }

    @ParameterizedTest(name = "invalid: {0}")
    @CsvSource(delimiter = '|', value = {
            "0 0 12 * *|0||expected 6 or 7 fields",
            "45 20 * * *|0||unlike Unix cron",
            "60 0 12 * * ?|1|seconds|'60' is out of range 0-59",
            "0 61 12 * * ?|2|minutes|'61' is out of range 0-59",
            "0 0 24 * * ?|3|hours|'24' is out of range 0-23",
            "0 0 12 32 * ?|4|day-of-month|'32' is out of range 1-31",
            "0 0 12 ? 13 *|5|month|'13' is out of range 1-12",
            "0 0 12 ? FOO MON|5|month|'FOO' is not a month name",
            "0 0 12 ? * 8|6|day-of-week|'8' is out of range 1-7",
            "0 0 12 ? * XYZ|6|day-of-week|'XYZ' is not a day name",
            "0 0 12 * * MON|4|day-of-month|must be '?' when day-of-week is set",
            "0 0 12 * * *|6|day-of-week|must be '?' when day-of-month is set",
            "0 0 12 ? * ?|6|day-of-week|'?' is allowed in only one",
            "0 0/0 * * * ?|2|minutes|step in '0/0' must be",
            "0 0 ? * * ?|3|hours|'?' is allowed only in day-of-month and day-of-week",
            "0 0 12 ? * 6#6|6|day-of-week|occurrence in '6#6' must be 1-5",
            "0 0 12 1,,2 * ?|4|day-of-month|empty item",
            "0 0 12 ? * * 1969|7|year|'1969' is out of range 1970-2099",
            "a 0 12 * * ?|1|seconds|'A' is not a number"})
    void invalidExpressionsNameTheFieldAndWhy(String expression, int field, String fieldName, String why) {
        QuartzCron.InvalidCronException e = assertThrows(QuartzCron.InvalidCronException.class, () -> QuartzCron.parse(expression));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(fieldName == null || fieldName.isEmpty() ? null : fieldName, e.fieldName());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        if (field > 0) {
            assertTrue(e.getMessage().contains("field " + field + " (" + fieldName + ")"), e.getMessage());
        }
    }

    private static List<String> next(String expr, String after, int n) {
        return QuartzCron.parse(expr).nextFireTimes(ZonedDateTime.parse(after), n).stream()
                .map(t -> t.toLocalDateTime().toString()).toList();
    }

    @Test
    void nextFireTimes() {
        assertEquals(List.of("2026-01-01T20:45:31", "2026-01-02T20:45:31", "2026-01-03T20:45:31"),
                next("31 45 20 * * ?", "2026-01-01T00:00:00+01:00[Europe/Paris]", 3));
        // weekdays only: Friday 2 Jan 2026, then Monday 5 Jan
        assertEquals(List.of("2026-01-02T12:00", "2026-01-05T12:00"), next("0 0 12 ? * MON-FRI", "2026-01-01T13:00:00Z[UTC]", 2));
        // last day of February in a leap year, then March
        assertEquals(List.of("2028-02-29T08:00", "2028-03-31T08:00"), next("0 0 8 L * ?", "2028-02-01T00:00:00Z[UTC]", 2));
        // third Friday
        assertEquals(List.of("2026-01-16T09:00", "2026-02-20T09:00"), next("0 0 9 ? * 6#3", "2026-01-01T00:00:00Z[UTC]", 2));
        // last Friday
        assertEquals(List.of("2026-01-30T09:00"), next("0 0 9 ? * 6L", "2026-01-01T00:00:00Z[UTC]", 1));
        // nearest weekday to the 1st when the 1st is a Saturday (Aug 2026): Monday the 3rd, not July
        assertEquals(List.of("2026-08-03T08:00"), next("0 0 8 1W * ?", "2026-07-15T00:00:00Z[UTC]", 1));
        // last weekday of May 2026 (the 31st is a Sunday)
        assertEquals(List.of("2026-05-29T08:00"), next("0 0 8 LW * ?", "2026-05-01T00:00:00Z[UTC]", 1));
        // every 15 minutes
        assertEquals(List.of("2026-01-01T00:15", "2026-01-01T00:30"), next("0 0/15 * * * ?", "2026-01-01T00:00:00Z[UTC]", 2));
        // a wrapping hour range
        assertEquals(List.of("2026-01-01T22:00", "2026-01-01T23:00", "2026-01-02T00:00"),
                next("0 0 22-2 * * ?", "2026-01-01T21:00:00Z[UTC]", 3));
        // 30 February never comes
        assertEquals(List.of(), next("0 0 0 30 2 ?", "2026-01-01T00:00:00Z[UTC]", 1));
        // a year field ends the schedule
        assertEquals(1, next("0 15 10 1 1 ? 2030", "2026-01-01T00:00:00Z[UTC]", 5).size());
    }

    @Test
    void scheduleTimezoneAndPreview() {
        CronSchedule s = CronSchedule.quartz("0 0 6 * * ?", "Europe/Paris");
        List<ZonedDateTime> t = s.nextFireTimes(ZonedDateTime.parse("2026-03-28T00:00:00Z"), 2);
        assertEquals(ZoneId.of("Europe/Paris"), t.get(0).getZone());
        // across the spring DST change (29 March 2026): 06:00 local both days, 05:00Z then 04:00Z
        assertEquals("2026-03-28T05:00:00Z", t.get(0).toInstant().toString());
        assertEquals("2026-03-29T04:00:00Z", t.get(1).toInstant().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronSchedule.quartz("0 0 6 * * ?", "Mars/Olympus"));
        assertTrue(e.getMessage().contains("timezone_id 'Mars/Olympus' is not a known time zone"), e.getMessage());
    }
}
