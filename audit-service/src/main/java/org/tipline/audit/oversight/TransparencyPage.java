package org.tipline.audit.oversight;

import java.time.Duration;
import java.util.Map;

/** A state's monthly transparency report as a printable HTML page: no scripts, no external resources. */
final class TransparencyPage {

	private TransparencyPage() {
	}

	static String of(OversightReports.Transparency report) {
		StringBuilder withheld = new StringBuilder();
		if (report.withheldByReason() == null) {
			withheld.append("<tr><td colspan=\"2\">shown to oversight only</td></tr>\n");
		}
		else {
			for (Map.Entry<String, Integer> reason : report.withheldByReason().entrySet()) {
				withheld.append("<tr><td>").append(escape(reason.getKey())).append("</td><td class=\"n\">")
					.append(reason.getValue()).append("</td></tr>\n");
			}
		}
		if (withheld.isEmpty()) {
			withheld.append("<tr><td colspan=\"2\">none</td></tr>\n");
		}
		String title = "Tipline transparency report: " + escape(report.state()) + ", " + report.month();
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title>
				<style>
				body{font-family:Georgia,serif;max-width:42em;margin:2em auto;color:#000}
				table{border-collapse:collapse;width:100%%;margin-bottom:1.5em}
				td,th{border-bottom:1px solid #999;padding:.3em;text-align:left}.n{text-align:right}
				@media print{body{margin:0}}
				</style></head><body>
				<h1>%s</h1>
				<p>Tips that entered the pipeline in the month (UTC) and were routed to this state, from the audit log.</p>
				<table>
				<tr><th>Received</th><td class="n">%d</td></tr>
				<tr><th>Forwarded</th><td class="n">%d</td></tr>
				<tr><th>Delivered</th><td class="n">%d</td></tr>
				<tr><th>Withheld</th><td class="n">%d</td></tr>
				<tr><th>Held for consent now</th><td class="n">%d</td></tr>
				<tr><th>Deadline breaches</th><td class="n">%d</td></tr>
				<tr><th>Delivered within deadline</th><td class="n">%s</td></tr>
				</table>
				<h2>Intake to delivery</h2>
				<table>
				<tr><th>Median (p50)</th><td class="n">%s</td></tr>
				<tr><th>p95</th><td class="n">%s</td></tr>
				<tr><th>p99</th><td class="n">%s</td></tr>
				</table>
				<h2>Withheld, by reason</h2>
				<table>
				<tr><th>Reason</th><th class="n">Tips</th></tr>
				%s</table>
				</body></html>
				""".formatted(title, title, report.received(), report.forwarded(), report.delivered(),
				report.withheld(), report.heldForConsent(), report.breaches(),
				percent(report.shareWithinDeadline()), duration(report.p50Millis()), duration(report.p95Millis()),
				duration(report.p99Millis()), withheld);
	}

	private static String percent(Double share) {
		return (share == null) ? "n/a" : String.format("%.1f %%", share * 100);
	}

	private static String duration(Long millis) {
		if (millis == null) {
			return "n/a";
		}
		Duration duration = Duration.ofMillis(millis);
		return String.format("%dh %02dm %02ds", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
