package org.tipline.security;

/** A personal field that cannot be read: in the clear where it must be sealed, or sealed under another binding. */
public class UnsealedFieldException extends RuntimeException {

	public UnsealedFieldException(String message) {
		super(message);
	}
}
