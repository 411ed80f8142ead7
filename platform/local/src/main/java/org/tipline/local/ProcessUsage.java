package org.tipline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a process, from Linux's /proc. Resident memory counts every page the process maps, so the
 * JVMs' shared libraries and PostgreSQL's shared buffers count once per process; the proportional set size (PSS)
 * divides each shared page among the processes that map it, so the PSS of several processes adds up to what they
 * take together.
 */
record ProcessUsage(double cpuSeconds, long residentBytes, long proportionalBytes) {

	private static final double CLOCK_TICKS_PER_SECOND = 100.0;

	static ProcessUsage of(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
			return new ProcessUsage(cpu, kilobytesLine(pid, "status", "VmRSS:"), proportionalBytes(pid));
		}
		catch (IOException | RuntimeException ex) {
			return new ProcessUsage(Double.NaN, 0, 0);
		}
	}

	/** 0 when unknown: smaps_rollup came with Linux 4.14. */
	private static long proportionalBytes(long pid) {
		try {
			return kilobytesLine(pid, "smaps_rollup", "Pss:");
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** The "name: N kB" line of a /proc file, in bytes; 0 if the file has none. */
	private static long kilobytesLine(long pid, String file, String name) throws IOException {
		return Files.readAllLines(Path.of("/proc", Long.toString(pid), file))
			.stream()
			.filter((line) -> line.startsWith(name))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
			.findFirst()
			.orElse(0L);
	}

	ProcessUsage plus(ProcessUsage other) {
		return new ProcessUsage(cpuSeconds + other.cpuSeconds, residentBytes + other.residentBytes,
				proportionalBytes + other.proportionalBytes);
	}
}
