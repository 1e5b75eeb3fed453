package org.emrqc.cli;

import java.io.PrintStream;

/** A one-line progress bar on the terminal (stderr); silent when not on a terminal or for a few items. */
final class ProgressBar {
    private final PrintStream out;
    private final int total;
    private final boolean enabled;
    private int done;
    private long lastDraw;

    ProgressBar(PrintStream out, int total, boolean enabled) {
        this.out = out;
        this.total = total;
        this.enabled = enabled && total > 3;
    }

    synchronized void step(String label) {
        done++;
        if (!enabled) return;
        long now = System.currentTimeMillis();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        int width = 30;
        int filled = (int) ((long) width * done / total);
        String name = label.length() > 40 ? "..." + label.substring(label.length() - 37) : label;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " " + name + "\u001B[K");
        if (done == total) out.print("\r\u001B[K");
        out.flush();
    }
}
