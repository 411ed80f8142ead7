package org.tipline.intake.api;

/** One bad field of a request, named by its JSON path, with what is wrong in words an adapter developer reads. */
record FieldProblem(String field, String message) {
}
