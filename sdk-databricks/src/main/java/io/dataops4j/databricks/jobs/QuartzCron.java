package io.dataops4j.databricks.jobs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Quartz cron expression, the syntax of Databricks job schedules: {@code seconds minutes hours day-of-month month
 * day-of-week [year]}, with {@code ?} in exactly one of the two day fields, names for months ({@code JAN}) and days
 * ({@code MON}; 1 = Sunday), {@code L}, {@code W}, {@code LW}, {@code L-n} in day-of-month and {@code nL},
 * {@code n#k} in day-of-week. Parsing fails with a message that names the field and says why.
 *
 * <pre>{@code
 * QuartzCron cron = QuartzCron.parse("31 45 20 * * ?");         // every day at 20:45:31
 * List<ZonedDateTime> next = cron.nextFireTimes(ZonedDateTime.now(ZoneId.of("Europe/Paris")), 5);
 * QuartzCron.parse("0 0 12 * * MON");  // InvalidCronException: field 4 (day-of-month) must be '?' when day-of-week is set
 * }</pre>
 */
public final class QuartzCron {
    /** The fields, in order. */
    static final String[] FIELDS = {"seconds", "minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
    private static final int[] MIN = {0, 0, 0, 1, 1, 1, 1970};
    private static final int[] MAX = {59, 59, 23, 31, 12, 7, 2099};
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

    private final String expression;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final DayRule dayOfMonth;
    private final DayRule dayOfWeek;

    /** How one of the day fields selects days; exactly one of the two is {@code ANY} ('?'). */
    private record DayRule(boolean any, BitSet values, boolean last, int lastOffset, boolean nearestWeekday,
                           int weekdayOf, int nth, int lastOfWeekday) {
    }

    private QuartzCron(String expression, BitSet[] sets, DayRule dom, DayRule dow) {
        this.expression = expression;
        this.seconds = sets[0];
        this.minutes = sets[1];
        this.hours = sets[2];
        this.months = sets[4];
        this.years = sets[6];
        this.dayOfMonth = dom;
        this.dayOfWeek = dow;
    }

    /**
     * Parses an expression.
     *
     * @throws InvalidCronException naming the field (number and name) and what is wrong
     */
    public static QuartzCron parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String[] parts = expression.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (expression.isBlank() || parts.length < 6 || parts.length > 7) {
            throw new InvalidCronException(expression, 0, "expected 6 or 7 fields (seconds minutes hours day-of-month month "
                    + "day-of-week [year]) but found " + (expression.isBlank() ? 0 : parts.length)
                    + (parts.length == 5 ? "; Quartz has a seconds field first, unlike Unix cron" : ""));
        }
        BitSet[] sets = new BitSet[7];
        for (int f : new int[] {0, 1, 2, 4, 6}) {
            if (f == 6 && parts.length == 6) {
                BitSet all = new BitSet();
                all.set(MIN[6], MAX[6] + 1);
                sets[6] = all;
            } else {
                sets[f] = parseSet(expression, f, parts[f]);
            }
        }
        boolean domAny = parts[3].equals("?");
        boolean dowAny = parts[5].equals("?");
        if (domAny && dowAny) {
            throw new InvalidCronException(expression, 6, "'?' is allowed in only one of day-of-month and day-of-week; "
                    + "set the other");
        }
        if (!domAny && !dowAny) {
            boolean dowStar = parts[5].equals("*");
            boolean domStar = parts[3].equals("*");
            if (dowStar || domStar) {
                int f = dowStar ? 5 : 3;
                throw new InvalidCronException(expression, f + 1, "must be '?' when " + FIELDS[f == 5 ? 3 : 5]
                        + " is set (Quartz needs '?' in one of the two day fields)");
            }
            throw new InvalidCronException(expression, 6, "day-of-month and day-of-week are both set; Quartz needs '?' in one of them");
        }
        DayRule dom = domAny ? anyDay() : parseDayOfMonth(expression, parts[3]);
        DayRule dow = dowAny ? anyDay() : parseDayOfWeek(expression, parts[5]);
        return new QuartzCron(expression.strip(), sets, dom, dow);
    }

    /** Whether an expression is valid. */
    public static boolean isValid(String expression) {
        try {
            parse(expression);
            return true;
        } catch (InvalidCronException e) {
            return false;
        }
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /**
     * The next {@code count} times the schedule fires strictly after {@code after}, in {@code after}'s zone (the
     * schedule's timezone). Fewer when the schedule ends (a year field) or never fires (30 February).
     */
    public List<ZonedDateTime> nextFireTimes(ZonedDateTime after, int count) {
        Objects.requireNonNull(after, "after");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<ZonedDateTime> out = new ArrayList<>(count);
        ZoneId zone = after.getZone();
        LocalDate day = after.toLocalDate();
        ZonedDateTime last = after;
        while (out.size() < count && day.getYear() <= MAX[6]) {
            if (years.get(day.getYear()) && months.get(day.getMonthValue()) && matchesDay(day)) {
                for (int h = hours.nextSetBit(0); h >= 0 && out.size() < count; h = hours.nextSetBit(h + 1)) {
                    for (int m = minutes.nextSetBit(0); m >= 0 && out.size() < count; m = minutes.nextSetBit(m + 1)) {
                        for (int s = seconds.nextSetBit(0); s >= 0 && out.size() < count; s = seconds.nextSetBit(s + 1)) {
                            ZonedDateTime t = ZonedDateTime.ofLocal(LocalDateTime.of(day, LocalTime.of(h, m, s)), zone, null);
                            if (t.isAfter(last)) {
                                out.add(t);
                                last = t;
                            }
                        }
                    }
                }
            }
            if (!years.get(day.getYear())) {
                int next = years.nextSetBit(day.getYear() + 1);
                if (next < 0) {
                    break;
                }
                day = LocalDate.of(next, 1, 1);
            } else {
                day = day.plusDays(1);
            }
        }
        return List.copyOf(out);
    }

    private boolean matchesDay(LocalDate day) {
        DayRule r = dayOfMonth.any() ? dayOfWeek : dayOfMonth;
        if (r == dayOfMonth) {
            int length = day.lengthOfMonth();
            if (r.last()) {
                int target = length - r.lastOffset();
                if (r.nearestWeekday()) {
                    return day.getDayOfMonth() == weekdayNear(day.withDayOfMonth(length)).getDayOfMonth();
                }
                return day.getDayOfMonth() == target;
            }
            if (r.nearestWeekday()) {
                if (r.weekdayOf() > length) {
                    return false;
                }
                return day.getDayOfMonth() == weekdayNear(day.withDayOfMonth(r.weekdayOf())).getDayOfMonth();
            }
            return r.values().get(day.getDayOfMonth());
        }
        int quartzDay = day.getDayOfWeek().getValue() % 7 + 1;   // SUN=1 ... SAT=7
        if (r.nth() > 0) {
            return quartzDay == r.values().nextSetBit(0) && (day.getDayOfMonth() - 1) / 7 + 1 == r.nth();
        }
        if (r.lastOfWeekday() > 0) {
            DayOfWeek dow = DayOfWeek.of((r.lastOfWeekday() + 5) % 7 + 1);
            return day.equals(day.with(TemporalAdjusters.lastInMonth(dow)));
        }
        return r.values().get(quartzDay);
    }

    /** The weekday nearest to a date, without leaving its month (Quartz's 'W'). */
    private static LocalDate weekdayNear(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY) {
            return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
        }
        if (w == DayOfWeek.SUNDAY) {
            return d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
        }
        return d;
    }

    private static DayRule anyDay() {
        return new DayRule(true, new BitSet(), false, 0, false, 0, 0, 0);
    }

    private static DayRule parseDayOfMonth(String expr, String text) {
        if (text.equals("L")) {
            return new DayRule(false, new BitSet(), true, 0, false, 0, 0, 0);
        }
        if (text.equals("LW")) {
            return new DayRule(false, new BitSet(), true, 0, true, 0, 0, 0);
        }
        if (text.startsWith("L-")) {
            int offset = number(expr, 3, text.substring(2), "an offset from the last day");
            if (offset < 1 || offset > 30) {
                throw new InvalidCronException(expr, 4, "offset in '" + text + "' must be 1-30");
            }
            return new DayRule(false, new BitSet(), true, offset, false, 0, 0, 0);
        }
        if (text.endsWith("W")) {
            String n = text.substring(0, text.length() - 1);
            int day = number(expr, 3, n, "a day number before 'W'");
            if (day < 1 || day > 31) {
                throw new InvalidCronException(expr, 4, "'" + day + "' in '" + text + "' is out of range 1-31");
            }
            return new DayRule(false, new BitSet(), false, 0, true, day, 0, 0);
        }
        if (text.contains("L") || text.contains("W") || text.contains("#")) {
            throw new InvalidCronException(expr, 4, "'" + text + "' is not valid: use L, LW, L-n or nW alone");
        }
        return new DayRule(false, parseSet(expr, 3, text), false, 0, false, 0, 0, 0);
    }

    private static DayRule parseDayOfWeek(String expr, String text) {
        if (text.equals("L")) {
            BitSet sat = new BitSet();
            sat.set(7);
            return new DayRule(false, sat, false, 0, false, 0, 0, 0);
        }
        int hash = text.indexOf('#');
        if (hash >= 0) {
            int day = dayValue(expr, text.substring(0, hash));
            int nth = number(expr, 5, text.substring(hash + 1), "an occurrence after '#'");
            if (nth < 1 || nth > 5) {
                throw new InvalidCronException(expr, 6, "occurrence in '" + text + "' must be 1-5");
            }
            BitSet one = new BitSet();
            one.set(day);
            return new DayRule(false, one, false, 0, false, 0, nth, 0);
        }
        if (text.endsWith("L")) {
            int day = dayValue(expr, text.substring(0, text.length() - 1));
            return new DayRule(false, new BitSet(), false, 0, false, 0, 0, day);
        }
        if (text.contains("L") || text.contains("W")) {
            throw new InvalidCronException(expr, 6, "'" + text + "' is not valid: use L, nL or n#k alone");
        }
        return new DayRule(false, parseSet(expr, 5, text), false, 0, false, 0, 0, 0);
    }

    private static int dayValue(String expr, String text) {
        Integer named = DAYS.get(text);
        int v = named != null ? named : number(expr, 5, text, "a day 1-7 or SUN-SAT");
        if (v < 1 || v > 7) {
            throw new InvalidCronException(expr, 6, "'" + text + "' is out of range 1-7 (SUN-SAT)");
        }
        return v;
    }

    private static BitSet parseSet(String expr, int f, String text) {
        BitSet set = new BitSet();
        if (text.isEmpty()) {
            throw new InvalidCronException(expr, f + 1, "is empty");
        }
        if (text.equals("?")) {
            throw new InvalidCronException(expr, f + 1, "'?' is allowed only in day-of-month and day-of-week");
        }
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new InvalidCronException(expr, f + 1, "has an empty item in '" + text + "'");
            }
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(expr, f, item.substring(slash + 1), "a step after '/'");
                if (step < 1 || step > MAX[f]) {
                    throw new InvalidCronException(expr, f + 1, "step in '" + item + "' must be 1-" + MAX[f]);
                }
            }
            int start;
            int end;
            if (range.equals("*") || range.isEmpty() && slash >= 0) {
                start = MIN[f];
                end = MAX[f];
            } else {
                int dash = range.indexOf('-', 1);
                start = value(expr, f, dash < 0 ? range : range.substring(0, dash));
                end = dash < 0 ? (slash >= 0 ? MAX[f] : start) : value(expr, f, range.substring(dash + 1));
            }
            if (end >= start) {
                for (int v = start; v <= end; v += step) {
                    set.set(v);
                }
            } else {
                // a range that wraps (22-2 hours, FRI-MON), as Quartz allows
                int span = MAX[f] - MIN[f] + 1;
                for (int i = start; i <= end + span; i += step) {
                    int v = i > MAX[f] ? i - span : i;
                    set.set(v);
                }
            }
        }
        return set;
    }

    private static int value(String expr, int f, String text) {
        Integer named = f == 4 ? MONTHS.get(text) : f == 5 ? DAYS.get(text) : null;
        if (named != null) {
            return named;
        }
        if ((f == 4 || f == 5) && text.length() == 3 && text.chars().allMatch(Character::isLetter)) {
            throw new InvalidCronException(expr, f + 1, "'" + text + "' is not a " + (f == 4 ? "month name (JAN-DEC)"
                    : "day name (SUN-SAT)"));
        }
        int v = number(expr, f, text, "a number");
        if (v < MIN[f] || v > MAX[f]) {
            throw new InvalidCronException(expr, f + 1, "'" + text + "' is out of range " + MIN[f] + "-" + MAX[f]
                    + (f == 5 ? " (SUN-SAT)" : ""));
        }
        return v;
    }

    private static int number(String expr, int f, String text, String what) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
            throw new InvalidCronException(expr, f + 1, "'" + text + "' is not " + what);
        }
        return Integer.parseInt(text);
    }

    @Override
    public String toString() {
        return "QuartzCron[" + expression + "]";
    }

    /** A cron expression that Quartz would refuse; the message names the field and why. */
    public static final class InvalidCronException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int field;

        InvalidCronException(String expression, int field, String why) {
            super("invalid Quartz cron expression '" + expression + "': "
                    + (field > 0 ? "field " + field + " (" + FIELDS[field - 1] + ") " : "") + why);
            this.field = field;
        }

        /** The field at fault, 1-based (1 = seconds ... 7 = year), or 0 when the expression as a whole is wrong. */
        public int field() {
            return field;
        }

        /** The field's name, or null. */
        public String fieldName() {
            return field > 0 ? FIELDS[field - 1] : null;
        }
    }
}
