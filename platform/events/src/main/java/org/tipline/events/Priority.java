package org.tipline.events;

/** How fast a tip must reach a state: P1 imminent danger, P2 minor involved, P3 other trafficking, P4 the rest. */
public enum Priority {

	P1, P2, P3, P4

}
