package org.lexnet.matching.bench;

import org.lexnet.matching.model.AssignmentProblem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the plain edge-list format of {@code match-bench solve}: a line
 * {@code <mentees> <mentors> <edges>}, one line per mentor with its capacity, then one line per edge
 * {@code <menteeIndex> <mentorIndex> <score>} (0-based indexes, positive integer scores).
 *
 * <p>The reader is a hand-written tokenizer over a byte buffer, because files hold millions of edges and
 * a general-purpose scanner would dominate the benchmark; malformed input is rejected with an
 * {@link IllegalArgumentException} that names the line.
 */
public final class EdgeListFile {

    /** The shortest possible edge line, "0 0 1\n": bounds the edge count a file of a given size can hold. */
    private static final int SHORTEST_EDGE_LINE = 6;

    private EdgeListFile() {
    }

    public static AssignmentProblem read(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            Tokenizer tokens = new Tokenizer(in);
            int mentees = tokens.number("the number of mentees");
            int mentors = tokens.number("the number of mentors");
            int edges = tokens.number("the number of edges");
            // Checked before allocating, so a corrupt header fails with a message instead of running out of memory.
            if (mentors > fileSize / 2 || edges > fileSize / SHORTEST_EDGE_LINE) {
                throw tokens.malformed("declares " + mentors + " mentors and " + edges
                        + " edges, more than a file of " + fileSize + " bytes can hold");
            }
            tokens.endOfLine();
            int[] capacity = new int[mentors];
            for (int j = 0; j < mentors; j++) {
                capacity[j] = tokens.number("the capacity of mentor " + j);
                tokens.endOfLine();
            }
            int firstEdgeLine = tokens.line();
            int[] edgeMentee = new int[edges];
            int[] edgeMentor = new int[edges];
            int[] edgeScore = new int[edges];
            for (int e = 0; e < edges; e++) {
                edgeMentee[e] = tokens.index("mentee index", mentees);
                edgeMentor[e] = tokens.index("mentor index", mentors);
                edgeScore[e] = tokens.number("a score");
                if (edgeScore[e] == 0) {
                    throw tokens.malformed("score must be a positive integer, was 0");
                }
                tokens.endOfLine();
            }
            tokens.endOfFile();
            int repeated = AssignmentProblem.firstRepeatedPair(mentees, mentors, edgeMentee, edgeMentor);
            if (repeated >= 0) {
                throw new IllegalArgumentException("line " + (firstEdgeLine + repeated) + ": repeats the pair of mentee "
                        + edgeMentee[repeated] + " and mentor " + edgeMentor[repeated]);
            }
            return new AssignmentProblem(mentees, capacity, edgeMentee, edgeMentor, edgeScore);
        }
    }

    public static void write(AssignmentProblem problem, Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 16)) {
            out.write(problem.mentees() + " " + problem.mentors() + " " + problem.edges() + "\n");
            for (int capacity : problem.mentorCapacity()) {
                out.write(capacity + "\n");
            }
            for (int e = 0; e < problem.edges(); e++) {
                out.write(problem.edgeMentee()[e] + " " + problem.edgeMentor()[e] + " " + problem.edgeScore()[e] + "\n");
            }
        }
    }

    /** Non-negative decimal integers separated by spaces or tabs, one record per line, with line counting. */
    private static final class Tokenizer {

        private static final int END = -1;

        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private int line = 1;

        Tokenizer(InputStream in) {
            this.in = in;
        }

        int line() {
            return line;
        }

        /** A number that must lie in 0..bound-1. */
        int index(String what, int bound) throws IOException {
            int value = number(what);
            if (value >= bound) {
                throw malformed(what + " " + value + " is outside 0.." + (bound - 1));
            }
            return value;
        }

        int number(String what) throws IOException {
            skipBlanks();
            int c = peek();
            if (c == END || c == '\n') {
                throw malformed("expected " + what + ", found " + (c == END ? "the end of the file" : "the end of the line"));
            }
            if (c < '0' || c > '9') {
                throw malformed("expected " + what + " as a non-negative integer, found '" + (char) c + "'");
            }
            long value = 0;
            while (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (value > Integer.MAX_VALUE) {
                    throw malformed(what + " is larger than " + Integer.MAX_VALUE);
                }
                position++;
                c = peek();
            }
            if (c != END && c != '\n' && c != ' ' && c != '\t' && c != '\r') {
                throw malformed("expected " + what + " as a non-negative integer, found '" + (char) c + "' in it");
            }
            return (int) value;
        }

        void endOfLine() throws IOException {
            skipBlanks();
            int c = peek();
            if (c == '\n') {
                position++;
                line++;
            } else if (c != END) {
                throw malformed("unexpected '" + (char) c + "' after the last value of the line");
            }
        }

        /** Only blank lines may follow the last edge. */
        void endOfFile() throws IOException {
            for (int c = peek(); c != END; c = peek()) {
                if (c == '\n') {
                    line++;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    throw malformed("unexpected content after the last declared edge");
                }
                position++;
            }
        }

        IllegalArgumentException malformed(String problem) {
            return new IllegalArgumentException("line " + line + ": " + problem);
        }

        private void skipBlanks() throws IOException {
            for (int c = peek(); c == ' ' || c == '\t' || c == '\r'; c = peek()) {
                position++;
            }
        }

        private int peek() throws IOException {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return END;
                }
            }
            return buffer[position] & 0xFF;
        }
    }
}
