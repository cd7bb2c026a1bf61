package org.lexnet.matching.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lexnet.matching.model.AssignmentProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeListFileTest {

    @TempDir
    Path directory;

    @Test
    void readsWhatItWrites() throws IOException {
        // Large enough that numbers straddle the reader's 64 KiB buffer boundaries many times.
        Random random = new Random(11);
        int mentees = 20_000;
        int mentors = 3_000;
        int perMentee = 5;
        int[] capacity = random.ints(mentors, 0, 11).toArray();
        int[] mentee = new int[mentees * perMentee];
        int[] mentor = new int[mentees * perMentee];
        int[] score = new int[mentees * perMentee];
        for (int e = 0; e < mentee.length; e++) {
            mentee[e] = e / perMentee;
            mentor[e] = (e % perMentee) * (mentors / perMentee) + random.nextInt(mentors / perMentee);
            score[e] = 1 + random.nextInt(Integer.MAX_VALUE - 1);
        }
        AssignmentProblem written = new AssignmentProblem(mentees, capacity, mentee, mentor, score);
        Path file = directory.resolve("pool.edges");

        EdgeListFile.write(written, file);
        AssignmentProblem read = EdgeListFile.read(file);

        assertThat(read.mentees()).isEqualTo(mentees);
        // isEqualTo compares int arrays element by element in linear time; containsExactly is far slower here.
        assertThat(read.mentorCapacity()).isEqualTo(capacity);
        assertThat(read.edgeMentee()).isEqualTo(mentee);
        assertThat(read.edgeMentor()).isEqualTo(mentor);
        assertThat(read.edgeScore()).isEqualTo(score);
    }

    @Test
    void acceptsWindowsLineEndsExtraBlanksAndTrailingEmptyLines() throws IOException {
        AssignmentProblem problem = read("3 2 3\r\n  2\r\n0\t\r\n0 1 7\r\n2  0 1 \r\n1 1 4\r\n\r\n\n");
        assertThat(problem.mentees()).isEqualTo(3);
        assertThat(problem.mentorCapacity()).containsExactly(2, 0);
        assertThat(problem.edgeMentee()).containsExactly(0, 2, 1);
        assertThat(problem.edgeMentor()).containsExactly(1, 0, 1);
        assertThat(problem.edgeScore()).containsExactly(7, 1, 4);
    }

    @Test
    void readsAFileWithoutEdgesOrFinalNewline() throws IOException {
        AssignmentProblem problem = read("4 1 0\n3");
        assertThat(problem.mentees()).isEqualTo(4);
        assertThat(problem.mentorCapacity()).containsExactly(3);
        assertThat(problem.edges()).isZero();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "2 1\\n1\\n|line 1: expected the number of edges, found the end of the line|header too short",
            "2 1 1 5\\n1\\n0 0 1\\n|line 1: unexpected '5' after the last value|header too long",
            "2 x 1\\n1\\n0 0 1\\n|line 1: expected the number of mentors as a non-negative integer, found 'x'|letter",
            "2 1 1\\n-1\\n0 0 1\\n|line 2: expected the capacity of mentor 0 as a non-negative integer, found '-'|negative",
            "2 1 1\\n1\\n0 0 1.5\\n|line 3: expected a score as a non-negative integer, found '.' in it|decimal",
            "2 1 1\\n1\\n0 0 99999999999\\n|line 3: a score is larger than 2147483647|overflow",
            "2 1 2\\n1\\n0 0 1\\n|line 4: expected mentee index, found the end of the file|missing edge",
            "2 2 1\\n1\\n|line 3: expected the capacity of mentor 1, found the end of the file|missing mentor",
            "2 1 1\\n1\\n\\n0 0 1\\n|line 3: expected mentee index, found the end of the line|blank line inside",
            "2 1 1\\n1\\n2 0 1\\n|line 3: mentee index 2 is outside 0..1|mentee out of range",
            "2 1 1\\n1\\n1 1 1\\n|line 3: mentor index 1 is outside 0..0|mentor out of range",
            "2 1 1\\n1\\n1 0 0\\n|line 3: score must be a positive integer, was 0|zero score",
            "2 1 1\\n1\\n1 0 3\\n0 0 1\\n|line 4: unexpected content after the last declared edge|extra edge",
            "2 1 3\\n1\\n1 0 3\\n0 0 1\\n1 0 2\\n|line 5: repeats the pair of mentee 1 and mentor 0|repeated pair",
            "2 1 2000000\\n1\\n0 0 1\\n|line 1: declares 1 mentors and 2000000 edges, more than a file|impossible header",
    })
    void rejectsMalformedInputNamingTheLine(String content, String message, String label) {
        assertThatThrownBy(() -> read(content.replace("\\n", "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    private AssignmentProblem read(String content) throws IOException {
        Path file = directory.resolve("input.edges");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return EdgeListFile.read(file);
    }
}
