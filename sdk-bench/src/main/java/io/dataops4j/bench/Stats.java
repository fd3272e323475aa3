package io.dataops4j.bench;

import java.util.Arrays;

/** Median, minimum and maximum of per-round figures. */
record Stats(double median, double min, double max) {
    static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(median, v[0], v[n - 1]);
    }

    String format(String pattern) {
        return String.format(java.util.Locale.ROOT, pattern + " [" + pattern + " .. " + pattern + "]", median, min, max);
    }
}
