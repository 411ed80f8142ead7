package org.tipline.events;

/** Where the incident is, as the reporter or the channel adapter stated it; every field may be absent. */
public record Location(StateCode state, String city, String zip, String address, Double lat, Double lon) {
}
