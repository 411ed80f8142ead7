package org.tipline.intake.api;

import java.util.List;

class InvalidTipException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidTipException(List<FieldProblem> problems) {
		super("invalid tip: " + problems.size() + " bad field(s)");
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return problems;
	}
}
