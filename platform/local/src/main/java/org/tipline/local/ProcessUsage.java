package org.tipline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from Linux's /proc. */
record ProcessUsage(double cpuSeconds, long residentBytes) {

	private static final double CLOCK_TICKS_PER_SECOND = 100.0;

	static ProcessUsage of(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
			return new ProcessUsage(cpu, kilobytesLine(pid, "status", "VmRSS:"));
		}
		catch (IOException | RuntimeException ex) {
			return new ProcessUsage(Double.NaN, 0);
		}
	}

	/** Resident memory with each shared page divided among the processes that map it (PSS), 0 when unknown. */
	static long proportionalBytes(long pid) {
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

	ProcessUsage withResidentBytes(long bytes) {
		return new ProcessUsage(cpuSeconds, bytes);
	}
}
