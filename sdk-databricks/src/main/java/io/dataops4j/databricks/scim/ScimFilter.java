package io.dataops4j.databricks.scim;

import java.util.Objects;

/**
 * A SCIM filter expression, with values quoted and escaped. Databricks supports {@code eq}, {@code ne}, {@code co}
 * (contains), {@code sw} (starts with), joined by {@code and} / {@code or} (simple expressions only).
 *
 * <pre>{@code
 * ScimFilter f = ScimFilter.eq("userName", "ada@example.com");
 * ScimFilter g = ScimFilter.sw("displayName", "data-").and(ScimFilter.ne("displayName", "data-old"));
 * dbx.scim().groups().list(ScimQuery.filter(g)).forEach(System.out::println);
 * }</pre>
 *
 * @param expression the expression as sent
 */
public record ScimFilter(String expression) {
    public ScimFilter {
        Objects.requireNonNull(expression, "expression");
    }

    /** {@code attribute eq "value"}. */
    public static ScimFilter eq(String attribute, String value) {
        return op(attribute, "eq", value);
    }

    /** {@code attribute ne "value"}. */
    public static ScimFilter ne(String attribute, String value) {
        return op(attribute, "ne", value);
    }

    /** {@code attribute co "value"} (contains). */
    public static ScimFilter co(String attribute, String value) {
        return op(attribute, "co", value);
    }

    /** {@code attribute sw "value"} (starts with). */
    public static ScimFilter sw(String attribute, String value) {
        return op(attribute, "sw", value);
    }

    /** A filter written by hand, sent as it is. */
    public static ScimFilter raw(String expression) {
        return new ScimFilter(expression);
    }

    public ScimFilter and(ScimFilter other) {
        return new ScimFilter(expression + " and " + other.expression);
    }

    public ScimFilter or(ScimFilter other) {
        return new ScimFilter(expression + " or " + other.expression);
    }

    private static ScimFilter op(String attribute, String op, String value) {
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.isBlank() || attribute.contains(" ")) {
            throw new IllegalArgumentException("not an attribute name: '" + attribute + "'");
        }
        return new ScimFilter(attribute + " " + op + " " + quote(value));
    }

    /** A JSON-style quoted string: {@code "a\"b"}. */
    static String quote(String value) {
        Objects.requireNonNull(value, "value");
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return expression;
    }
}
