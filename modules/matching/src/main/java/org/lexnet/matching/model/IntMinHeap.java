package org.lexnet.matching.model;

import java.util.Arrays;

/**
 * A binary min-heap of node ids ordered by an external array of keys, with decrease-key, for Dijkstra
 * searches that must not box or allocate per push.
 *
 * <p>Equal keys are ordered by node id so that searches, and with them the solver's tie breaks, are
 * deterministic.
 */
final class IntMinHeap {

    private final long[] key;
    private final int[] heap;
    private final int[] position;
    private int size;

    /** @param key the array the heap reads priorities from; a node's key may only drop while it is queued */
    IntMinHeap(long[] key) {
        this.key = key;
        this.heap = new int[key.length];
        this.position = new int[key.length];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Queues the node, or restores heap order after its key was lowered if it is already queued. */
    void addOrDecrease(int node) {
        int at = position[node];
        if (at < 0) {
            at = size++;
        }
        siftUp(node, at);
    }

    int poll() {
        int top = heap[0];
        position[top] = -1;
        int last = heap[--size];
        if (size > 0) {
            siftDown(last, 0);
        }
        return top;
    }

    /** Empties the heap in time proportional to what it holds, so a short search stays short. */
    void clear() {
        for (int i = 0; i < size; i++) {
            position[heap[i]] = -1;
        }
        size = 0;
    }

    private void siftUp(int node, int at) {
        long nodeKey = key[node];
        while (at > 0) {
            int parentAt = (at - 1) >>> 1;
            int parent = heap[parentAt];
            if (!before(nodeKey, node, parent)) {
                break;
            }
            heap[at] = parent;
            position[parent] = at;
            at = parentAt;
        }
        heap[at] = node;
        position[node] = at;
    }

    private void siftDown(int node, int at) {
        int half = size >>> 1;
        while (at < half) {
            int childAt = 2 * at + 1;
            int child = heap[childAt];
            int rightAt = childAt + 1;
            if (rightAt < size && before(key[heap[rightAt]], heap[rightAt], child)) {
                childAt = rightAt;
                child = heap[rightAt];
            }
            if (!before(key[child], child, node)) {
                break;
            }
            heap[at] = child;
            position[child] = at;
            at = childAt;
        }
        heap[at] = node;
        position[node] = at;
    }

    private boolean before(long aKey, int a, int b) {
        long bKey = key[b];
        return aKey < bKey || (aKey == bKey && a < b);
    }
}
