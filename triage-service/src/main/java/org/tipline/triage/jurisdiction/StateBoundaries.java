package org.tipline.triage.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.tipline.events.StateCode;

/**
 * Which state holds a point, from the Census Bureau's 1:10,000,000 cartographic boundaries (us-atlas), rounded
 * to about ten metres. Near a state line that resolution can put a point on the wrong side; a point off the
 * coast or outside every state has no state.
 */
final class StateBoundaries {

	private record Boundary(StateCode state, PreparedGeometry shape) {
	}

	private final GeometryFactory geometries = new GeometryFactory();

	private final STRtree index = new STRtree();

	private StateBoundaries() {
	}

	static StateBoundaries fromBundledData() {
		StateBoundaries boundaries = new StateBoundaries();
		WKTReader wkt = new WKTReader(boundaries.geometries);
		try (InputStream in = StateBoundaries.class.getResourceAsStream("state-boundaries.wkt")) {
			if (in == null) {
				throw new IllegalStateException(
						"missing triage data state-boundaries.wkt; run triage-service/data/regenerate.sh");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] columns = line.split("\t", 2);
				Geometry shape = wkt.read(columns[1]);
				for (int i = 0; i < shape.getNumGeometries(); i++) {
					Geometry part = shape.getGeometryN(i);
					boundaries.index.insert(part.getEnvelopeInternal(),
							new Boundary(StateCode.of(columns[0]), PreparedGeometryFactory.prepare(part)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable state-boundaries.wkt", ex);
		}
		boundaries.index.build();
		return boundaries;
	}

	Optional<StateCode> stateAt(double lat, double lon) {
		if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
			return Optional.empty();
		}
		Point point = geometries.createPoint(new Coordinate(lon, lat));
		@SuppressWarnings("unchecked")
		List<Boundary> candidates = index.query(point.getEnvelopeInternal());
		return candidates.stream()
			.filter((boundary) -> boundary.shape().covers(point))
			.map(Boundary::state)
			.findFirst();
	}
}
