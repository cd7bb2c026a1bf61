package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IntMinHeapTest {

    @Test
    void pollsBySmallestKeyThenByLowestNode() {
        long[] key = {5, 3, 5, -2, 3};
        IntMinHeap heap = new IntMinHeap(key);
        for (int node : new int[] {2, 0, 4, 1, 3}) {
            heap.addOrDecrease(node);
        }
        assertThat(pollAll(heap)).containsExactly(3, 1, 4, 0, 2);
    }

    @Test
    void aLoweredKeyMovesItsNodeForward() {
        long[] key = {10, 20, 30};
        IntMinHeap heap = new IntMinHeap(key);
        heap.addOrDecrease(0);
        heap.addOrDecrease(1);
        heap.addOrDecrease(2);
        key[2] = 1;
        heap.addOrDecrease(2);
        assertThat(pollAll(heap)).containsExactly(2, 0, 1);
    }

    @Test
    void clearEmptiesTheHeapAndLetsNodesBeQueuedAgain() {
        long[] key = {1, 2, 3};
        IntMinHeap heap = new IntMinHeap(key);
        heap.addOrDecrease(0);
        heap.addOrDecrease(1);
        heap.clear();
        assertThat(heap.isEmpty()).isTrue();
        heap.addOrDecrease(1);
        heap.addOrDecrease(2);
        assertThat(pollAll(heap)).containsExactly(1, 2);
    }

    @Test
    void agreesWithSortingUnderRandomPushesAndDecreases() {
        Random random = new Random(8);
        int nodes = 500;
        long[] key = new long[nodes];
        IntMinHeap heap = new IntMinHeap(key);
        for (int node = 0; node < nodes; node++) {
            key[node] = random.nextInt(100);
            heap.addOrDecrease(node);
        }
        for (int step = 0; step < 2000; step++) {
            int node = random.nextInt(nodes);
            key[node] -= random.nextInt(20);
            heap.addOrDecrease(node);
        }
        List<Integer> expected = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            expected.add(node);
        }
        expected.sort(Comparator.<Integer>comparingLong(node -> key[node]).thenComparingInt(node -> node));
        assertThat(pollAll(heap)).containsExactlyElementsOf(expected);
    }

    private static List<Integer> pollAll(IntMinHeap heap) {
        List<Integer> order = new ArrayList<>();
        while (!heap.isEmpty()) {
            order.add(heap.poll());
        }
        return order;
    }
}
