package io.dataops4j.cli.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    private record Row(String id, String name, String size) {
    }

    private String printed() {
        out.flush();
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    private Table<Row> table(int sample) {
        return new Table<>(out, List.of(
                Table.Column.of("ID", Row::id),
                Table.Column.of("NAME", 8, Row::name),
                Table.Column.right("SIZE", Row::size)), sample);
    }

    @Test
    void widthsComeFromTheHeaderAndTheSampledRows() {
        Table<Row> t = table(10);
        t.add(new Row("1", "churn", "12"));
        t.add(new Row("22", "fraud", "1,024"));
        t.finish();
        assertEquals("""
                ID  NAME    SIZE
                1   churn     12
                22  fraud  1,024
                """, printed());
        assertEquals(2, t.rows());
    }

    @Test
    void rowsAreHeldOnlyUntilTheSampleIsFullThenPrintedAsTheyCome() {
        Table<Row> t = table(2);
        t.add(new Row("1", "a", "1"));
        out.flush();
        assertEquals("", text.toString(), "held while sampling");
        t.add(new Row("2", "b", "2"));
        out.flush();
        assertEquals(3, text.toString().lines().count(), "header and the two sampled rows");
        t.add(new Row("3", "c", "3"));
        out.flush();
        assertEquals(4, text.toString().lines().count(), "printed at once, before finish()");
        t.finish();
        assertEquals(4, text.toString().lines().count());
    }

    @Test
    void laterRowsKeepTheWidthsCutLongCellsAndNeverCutIds() {
        Table<Row> t = table(1);
        t.add(new Row("1", "ab", "1"));
        t.add(new Row("0123456789abcdef", "a-very-long-name", "12345"));
        t.finish();
        assertEquals("""
                ID  NAME  SIZE
                1   ab       1
                0123456789abcdef  a...  12345
                """, printed());
    }

    @Test
    void sampledCellsWiderThanTheMaximumAreCut() {
        Table<Row> t = table(10);
        t.add(new Row("1", "a-very-long-name", "1"));
        t.finish();
        assertEquals("""
                ID  NAME      SIZE
                1   a-ver...     1
                """, printed());
    }

    @Test
    void unicodeWidthsCountCharactersAndControlCharactersBecomeSpaces() {
        Table<Row> t = table(10);
        t.add(new Row("1", "données", "1"));
        t.add(new Row("2", "two\nlines", "1"));
        t.finish();
        assertEquals("""
                ID  NAME      SIZE
                1   données      1
                2   two l...     1
                """, printed());
    }

    @Test
    void noRowsPrintsNothing() {
        Table<Row> t = table(10);
        t.finish();
        assertEquals("", text.toString());
        assertEquals(0, t.rows());
    }
}
