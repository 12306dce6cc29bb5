package org.solidarityhub.test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Everything the test JVM prints (the log of the whole run goes to standard output), read line by line as it
 * is written, looking for personal data: the {@link LogCanary} marker and anything shaped like an email address.
 * {@link LogScanLast} installs it before the first test; {@code WholeRunLogTest}, run last, reads the findings.
 */
public final class RunLog {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");
    private static final int KEPT = 20;

    private static final List<String> FINDINGS = new ArrayList<>();
    private static long lines;
    private static boolean installed;

    private RunLog() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
    }

    public static synchronized boolean installed() {
        return installed;
    }

    /** Lines read so far. */
    public static synchronized long lines() {
        return lines;
    }

    /** The first lines that held personal data. */
    public static synchronized List<String> findings() {
        return List.copyOf(FINDINGS);
    }

    private static synchronized void line(String line) {
        lines++;
        if (FINDINGS.size() < KEPT && (line.toLowerCase(Locale.ROOT).contains(LogCanary.MARKER) || EMAIL.matcher(line).find())) {
            FINDINGS.add(line);
        }
    }

    /** Passes every byte on and hands each complete line to {@link #line}. */
    private static final class Tee extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        Tee(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            take(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            target.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                take(bytes[i]);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        private void take(int b) {
            if (b == '\n') {
                line(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else if (current.size() < 64 * 1024) {
                current.write(b);
            }
        }
    }
}
