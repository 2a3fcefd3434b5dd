package org.assistance.reportingservice.rebuild;

import java.util.UUID;

/**
 * The ids of the events a replay has folded, so one published twice is folded once without asking
 * the database: two longs an id in open addressing (a {@code HashSet<UUID>} takes about four times
 * the memory, some 70 MB for a million events).
 */
final class SeenEvents {
    private long[] high;
    private long[] low;
    private boolean[] used;
    private int size;

    SeenEvents(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        high = new long[capacity];
        low = new long[capacity];
        used = new boolean[capacity];
    }

    /** Remembers the id; false when it was seen before. */
    boolean add(UUID id) {
        if ((size + 1) * 3L > used.length * 2L) {
            grow();
        }
        return put(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    int size() {
        return size;
    }

    private boolean put(long h, long l) {
        int mask = used.length - 1;
        for (int i = slot(h, l, mask); ; i = (i + 1) & mask) {
            if (!used[i]) {
                used[i] = true;
                high[i] = h;
                low[i] = l;
                size++;
                return true;
            }
            if (high[i] == h && low[i] == l) {
                return false;
            }
        }
    }

    private static int slot(long h, long l, int mask) {
        long mixed = (h ^ Long.rotateLeft(l, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                put(oldHigh[i], oldLow[i]);
            }
        }
    }
}
