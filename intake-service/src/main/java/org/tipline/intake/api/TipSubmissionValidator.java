package org.tipline.intake.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.tipline.events.Channel;
import org.tipline.events.Consent;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;

/**
 * Checks a submission field by field and reports every problem at once, not only the first. Every text must be
 * well-formed Unicode without control characters (tab and line breaks aside): a NUL cannot be stored in
 * PostgreSQL, and an unpaired surrogate does not survive the trip to UTF-8.
 */
final class TipSubmissionValidator {

	static final int MAX_NARRATIVE_LENGTH = 20_000;

	static final int MAX_MESSAGE_ID_LENGTH = 200;

	/** City and street address. */
	static final int MAX_SHORT_TEXT_LENGTH = 320;

	/** The longest address SMTP can deliver to (RFC 5321). */
	static final int MAX_EMAIL_LENGTH = 254;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{7,24}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private TipSubmissionValidator() {
	}

	static List<FieldProblem> problemsOf(TipSubmission tip) {
		List<FieldProblem> problems = new ArrayList<>();
		if (tip.channel() == null) {
			problems.add(new FieldProblem("channel", "is required"));
		}
		else {
			requireOneOf(problems, "channel", tip.channel(), Channel.values());
		}
		requireText(problems, "channelMessageId", tip.channelMessageId(), MAX_MESSAGE_ID_LENGTH);
		requireText(problems, "narrative", tip.narrative(), MAX_NARRATIVE_LENGTH);
		if (tip.language() != null && !LANGUAGE.matcher(tip.language()).matches()) {
			problems.add(new FieldProblem("language", "must be a language tag such as en or es"));
		}
		requirePhone(problems, "callerPhone", tip.callerPhone());
		if (tip.reporter() != null) {
			checkReporter(problems, tip.reporter());
		}
		if (tip.location() != null) {
			checkLocation(problems, tip.location());
		}
		return problems;
	}

	private static void checkReporter(List<FieldProblem> problems, TipSubmission.ReporterPart reporter) {
		if (reporter.role() != null) {
			requireOneOf(problems, "reporter.role", reporter.role(), ReporterRole.values());
		}
		if (reporter.consentToLawEnforcement() != null) {
			requireOneOf(problems, "reporter.consentToLawEnforcement", reporter.consentToLawEnforcement(),
					Consent.values());
		}
		if (reporter.contact() != null) {
			requirePhone(problems, "reporter.contact.phone", reporter.contact().phone());
			String email = reporter.contact().email();
			if (email != null && (email.length() > MAX_EMAIL_LENGTH || !isPlainText(email)
					|| !EMAIL.matcher(email).matches())) {
				problems.add(new FieldProblem("reporter.contact.email", "must be an e-mail address"));
			}
		}
	}

	private static void checkLocation(List<FieldProblem> problems, TipSubmission.LocationPart location) {
		if (location.state() != null && !StateCode.isValid(location.state())) {
			problems.add(new FieldProblem("location.state",
					"must be a two-letter USPS code of a state, DC or a territory, such as FL"));
		}
		if (location.zip() != null && !ZIP.matcher(location.zip()).matches()) {
			problems.add(new FieldProblem("location.zip", "must be a ZIP code such as 33101 or 33101-1234"));
		}
		allowText(problems, "location.city", location.city(), MAX_SHORT_TEXT_LENGTH);
		allowText(problems, "location.address", location.address(), MAX_SHORT_TEXT_LENGTH);
		if (location.lat() != null && !(Math.abs(location.lat()) <= 90)) {
			problems.add(new FieldProblem("location.lat", "must be a latitude between -90 and 90"));
		}
		if (location.lon() != null && !(Math.abs(location.lon()) <= 180)) {
			problems.add(new FieldProblem("location.lon", "must be a longitude between -180 and 180"));
		}
	}

	private static void requireOneOf(List<FieldProblem> problems, String field, String value, Enum<?>[] allowed) {
		if (Arrays.stream(allowed).noneMatch((candidate) -> candidate.name().equals(value))) {
			problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(allowed)));
		}
	}

	private static void requireText(List<FieldProblem> problems, String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "is required"));
		}
		else {
			allowText(problems, field, value, maxLength);
		}
	}

	private static void allowText(List<FieldProblem> problems, String field, String value, int maxLength) {
		if (value == null) {
			return;
		}
		if (value.length() > maxLength) {
			problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
		}
		else if (!isPlainText(value)) {
			problems.add(new FieldProblem(field,
					"must be Unicode text without control characters other than tab and line breaks"));
		}
	}

	private static void requirePhone(List<FieldProblem> problems, String field, String value) {
		if (value != null && !PHONE.matcher(value).matches()) {
			problems.add(new FieldProblem(field, "must be a phone number such as +13055550100"));
		}
	}

	private static boolean isPlainText(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}
}
