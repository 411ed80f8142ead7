package org.tipline.triage.linking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.events.Channel;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;
import org.tipline.triage.Triage;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.jurisdiction.JurisdictionResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The link index on the real database: shared by instances, kept across restarts, holding no plaintext. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LinkIndexIT {

	@Autowired
	Triage triage;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("triage"));
		registry.add("tipline.field-encryption.private-keyset-file", TestFieldKeys::privateKeysetFile);
	}

	@Test
	void aSecondReportOfTheSameNumberCarriesTheFirstsId() {
		String phone = uniquePhone();
		TipReceived first = tip("the ad lists " + phone + " for dates with a young girl", Instant.now());
		TipReceived second = tip("they answer at " + phone + ", she is kept at the motel", Instant.now());

		triage.apply(first);
		TipTriaged triaged = triage.apply(second).triaged();

		assertThat(triaged.linkedTipIds()).containsExactly(first.tipId());
	}

	@Test
	void anotherInstanceOrARestartedOneFindsTheEarlierTips() {
		String phone = uniquePhone();
		TipReceived first = tip("text " + phone + " to buy her time", Instant.now());
		triage.apply(first);

		Triage restarted = new Triage(JurisdictionResolver.fromBundledData(), new TipClassifier(),
				new TipLinker(new IncidentKeys("local-only-link-key"),
						new JdbcLinkIndex(jdbc, Duration.ofDays(30), Clock.systemUTC())),
				Clock.systemUTC());

		assertThat(restarted.apply(tip("same number " + phone + " again", Instant.now())).triaged().linkedTipIds())
			.containsExactly(first.tipId());
	}

	@Test
	void theIndexStoresDigestsOnly() {
		String phone = uniquePhone();
		TipReceived tip = tip("call " + phone, Instant.now());

		triage.apply(tip);

		List<byte[]> digests = jdbc.sql("SELECT key_digest FROM incident_key WHERE tip_id = ?")
			.param(tip.tipId().toString())
			.query((rs, row) -> rs.getBytes(1))
			.list();
		assertThat(digests).isNotEmpty().allSatisfy((digest) -> assertThat(digest).hasSize(16));
	}

	@Test
	void answersOnlyTipsThatShareEnoughKeysOfAKindToLink() {
		JdbcLinkIndex index = new JdbcLinkIndex(jdbc, Duration.ofDays(30), Clock.systemUTC());
		Instant now = Instant.now();
		TipId earlier = tipId();
		List<IncidentKey> story = randomKeys(IncidentKey.Kind.STORY, 6);
		IncidentKey phone = randomKeys(IncidentKey.Kind.PHONE, 1).get(0);
		Set<IncidentKey> earlierKeys = new HashSet<>(story);
		earlierKeys.add(phone);
		index.rememberAndMatch(earlier, now, earlierKeys);

		Set<IncidentKey> fiveTerms = Set.copyOf(story.subList(0, 5));
		Set<IncidentKey> sixTerms = Set.copyOf(story);

		assertThat(index.rememberAndMatch(tipId(), now, fiveTerms)).isEmpty();
		assertThat(index.rememberAndMatch(tipId(), now, sixTerms))
			.containsExactly(new LinkIndex.Match(earlier, IncidentKey.Kind.STORY, 6));
		assertThat(index.rememberAndMatch(tipId(), now, Set.of(phone)))
			.containsExactly(new LinkIndex.Match(earlier, IncidentKey.Kind.PHONE, 1));
	}

	@Test
	void aTipDeliveredAgainWithAnotherReceiveTimeFindsTheSameMatchesAndCountsOnce() {
		JdbcLinkIndex index = new JdbcLinkIndex(jdbc, Duration.ofDays(30), Clock.systemUTC());
		Instant now = Instant.now();
		Set<IncidentKey> sixTerms = Set.copyOf(randomKeys(IncidentKey.Kind.STORY, 6));
		Set<IncidentKey> threeOfThem = sixTerms.stream().limit(3).collect(Collectors.toSet());
		TipId first = tipId();
		TipId second = tipId();
		index.rememberAndMatch(first, now, sixTerms);

		assertThat(index.rememberAndMatch(second, now.plusSeconds(1), sixTerms))
			.containsExactly(new LinkIndex.Match(first, IncidentKey.Kind.STORY, 6));
		assertThat(index.rememberAndMatch(second, now.plusSeconds(2), sixTerms))
			.containsExactly(new LinkIndex.Match(first, IncidentKey.Kind.STORY, 6));
		assertThat(index.rememberAndMatch(tipId(), now.plusSeconds(3), threeOfThem))
			.as("three shared terms, whichever tip was delivered twice")
			.isEmpty();
	}

	private static List<IncidentKey> randomKeys(IncidentKey.Kind kind, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new IncidentKey(kind, UUID.randomUUID().toString().replace("-", "")))
			.toList();
	}

	private static TipId tipId() {
		return TipId.forSubmission("test-adapter", Channel.SMS, UUID.randomUUID().toString());
	}

	private static String uniquePhone() {
		return "(312) 555-" + String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000));
	}

	private static TipReceived tip(String narrative, Instant at) {
		String id = UUID.randomUUID().toString();
		return new TipReceived(TipId.forSubmission("test-adapter", Channel.SMS, id), at, Channel.SMS, id, "en", null, narrative, null,
				null);
	}
}
