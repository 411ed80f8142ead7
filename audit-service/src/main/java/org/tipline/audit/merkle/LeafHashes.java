package org.tipline.audit.merkle;

/** The leaf hashes of a log, by leaf index; a log only grows, so a hash once read never changes. */
public interface LeafHashes {

	long size();

	byte[] leafHash(long index);
}
