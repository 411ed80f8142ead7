package org.tipline.intake.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads an adapter's request body: exactly one JSON object of the request's own fields, each of its own type. A
 * field intake does not know is refused, not ignored: a misspelt {@code callerPhone} or {@code locaton} would
 * otherwise drop what a state needs to act on without anyone noticing. Every way the bytes can be wrong becomes an
 * {@link InvalidTipException} that names the field where there is one and never quotes the body.
 * <p>
 * Its own mapper, not the application's: that one is lenient by design (it reads events that may carry fields of a
 * later version), while a request comes from outside and is held to the letter.
 */
final class StrictJsonReader {

	/** A tip nests three deep (tip, reporter, contact); the parser stops at the first level deeper than this. */
	private static final int MAX_NESTING_DEPTH = 16;

	/** Enough for any coordinate; a longer number is refused before it is converted. */
	private static final int MAX_NUMBER_LENGTH = 64;

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxNumberLength(MAX_NUMBER_LENGTH)
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		// a number or a boolean where text belongs is the adapter's mistake, not text to store
		.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.build();

	private StrictJsonReader() {
	}

	static <T> T read(byte[] body, Class<T> type) {
		if (isBlank(body)) {
			throw invalid("", "a JSON body is required");
		}
		T value;
		try {
			value = MAPPER.readValue(utf8(body), type);
		}
		catch (StreamConstraintsException ex) {
			throw invalid("", "exceeds a limit: at most " + MAX_NESTING_DEPTH
					+ " levels of nesting and numbers of at most " + MAX_NUMBER_LENGTH + " characters");
		}
		catch (UnrecognizedPropertyException ex) {
			throw invalid(pathOf(ex.getPath()), "is not a field of this request");
		}
		catch (DatabindException ex) {
			throw ex.getPath().isEmpty() ? invalid("", "the body must be one JSON object")
					: invalid(pathOf(ex.getPath()), "has the wrong type");
		}
		catch (StreamReadException ex) {
			throw isDuplicateField(ex) ? invalid(pathOf(ex.processor().streamReadContext()), "appears more than once")
					: invalid("", "the body is not valid JSON");
		}
		if (value == null) {
			throw invalid("", "the body must be one JSON object");
		}
		return value;
	}

	/**
	 * The body as text, decoded strictly: Jackson's own decoder lets overlong and surrogate encodings through, and
	 * JSON between systems is UTF-8 only (RFC 8259). A byte order mark is tolerated, as the RFC allows.
	 */
	private static String utf8(byte[] body) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw invalid("", "the body is not UTF-8");
		}
	}

	private static boolean isBlank(byte[] body) {
		if (body == null) {
			return true;
		}
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	/** Jackson has no exception type of its own for a duplicate; its message is the only sign. */
	private static boolean isDuplicateField(StreamReadException ex) {
		return ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate ")
				&& ex.processor() != null;
	}

	private static String pathOf(List<JacksonException.Reference> references) {
		return joined(references.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: (Object) reference.getIndex())
			.toList());
	}

	private static String pathOf(TokenStreamContext context) {
		Deque<Object> segments = new ArrayDeque<>();
		for (TokenStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
			if (level.inArray()) {
				segments.addFirst(level.getCurrentIndex());
			}
			else if (level.currentName() != null) {
				segments.addFirst(level.currentName());
			}
		}
		return joined(List.copyOf(segments));
	}

	/**
	 * Names joined with dots, indexes in brackets. A name that is not a plain identifier is shown as {@code *}: it
	 * is the adapter's text and may be anything.
	 */
	private static String joined(List<Object> segments) {
		StringBuilder path = new StringBuilder();
		segments.forEach((segment) -> {
			if (segment instanceof Integer index) {
				path.append('[').append(index).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".")
					.append(FIELD_NAME.matcher(segment.toString()).matches() ? segment : "*");
			}
		});
		return path.toString();
	}

	private static InvalidTipException invalid(String field, String message) {
		return new InvalidTipException(List.of(new FieldProblem(field, message)));
	}
}
