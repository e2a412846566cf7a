package org.rendezvous.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far (user + system, Linux {@code /proc}), in milliseconds: of one process, or of every
 * process of a name. On a machine shared with other work, CPU time per request moves far less than
 * throughput does, so the load run reports it beside the rates.
 */
final class CpuTime {

    /** {@code /proc/<pid>/stat} counts in clock ticks, 100 per second on Linux ({@code getconf CLK_TCK}). */
    private static final long MILLIS_PER_TICK = 10;

    private CpuTime() {
    }

    static long ofProcess(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) * MILLIS_PER_TICK;
    }

    /** Every live process named {@code command}, e.g. PostgreSQL's server and its backends ({@code postgres}). */
    static long ofCommand(String command) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> command.equals(read(p.resolve("comm")).strip()))
                    .mapToLong(p -> ticks(p.resolve("stat"))).sum() * MILLIS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime: fields 14 and 15, counted after the command name in parentheses, which may hold spaces. */
    private static long ticks(Path stat) {
        String line = read(stat);
        int end = line.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] fields = line.substring(end + 2).split(" ");
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            // A process that ended between the listing and the reading.
            return "";
        }
    }
}
