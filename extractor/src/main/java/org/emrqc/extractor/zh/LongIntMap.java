package org.emrqc.extractor.zh;

/** Open-addressing map from non-zero long keys (feature hashes) to non-negative ints; -1 means absent. */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() { return size; }

    int get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return -1;
            i = (i + 1) & mask;
        }
    }

    /** The value of {@code key}, putting {@code value} first if it is absent. */
    int putIfAbsent(long key, int value) {
        if (key == 0) throw new IllegalArgumentException("key 0 is reserved");
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) grow();
                return value;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the value of {@code key} (0 when absent) and returns the new value. */
    int add(long key, int delta) {
        if (key == 0) throw new IllegalArgumentException("key 0 is reserved");
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) return values[i] += delta;
            if (k == 0) {
                keys[i] = key;
                values[i] = delta;
                if (++size * 2 > keys.length) grow();
                return delta;
            }
            i = (i + 1) & mask;
        }
    }

    /** Calls {@code action} for every entry (in slot order). */
    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) action.accept(keys[i], values[i]);
    }

    interface Entry { void accept(long key, int value); }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) putIfAbsent(oldKeys[i], oldValues[i]);
        }
    }

    @Override
    public String toString() { return "LongIntMap[" + size + "/" + keys.length + "]"; }
}
