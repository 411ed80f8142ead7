package org.tipline.dispatch.operations;

/**
 * Who made an operator request, known by the key presented; {@code name} is what logs record of them, never the
 * key.
 */
record Operator(String name) {

	/** The exchange attribute {@link OperatorGate} puts the operator under. */
	static final String ATTRIBUTE = "org.tipline.dispatch.operator";
}
