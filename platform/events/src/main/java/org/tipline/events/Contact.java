package org.tipline.events;

/** How the reporter can be reached; personal data. */
public record Contact(String phone, String email) {
}
