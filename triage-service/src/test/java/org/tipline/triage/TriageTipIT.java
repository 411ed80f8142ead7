package org.tipline.triage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.events.Channel;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.LinkEvidence;
import org.tipline.events.Location;
import org.tipline.events.Priority;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipLinked;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code triageTip} on the real broker: sealed tips in, triaged tips out, still sealed, and links both ways. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TriageTipIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Random RANDOM = new Random();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("triage"));
		registry.add("tipline.field-encryption.private-keyset-file", TestFieldKeys::privateKeysetFile);
	}

	@Test
	void classifiesWhatTheSealedNarrativeSaysAndPublishesTheTipStillSealed() throws Exception {
		TipReceived tip = tip("A man with a gun is moving a 15 year old girl out of a motel in Tulsa tonight");
		TipReceived sealed = TestFieldKeys.seal(tip);
		publish(Topics.TIPS_RECEIVED, sealed.tipId(), json.writeValueAsBytes(sealed));

		ConsumerRecord<String, byte[]> published = awaitRecord(Topics.TIPS_TRIAGED, sealed.tipId());
		assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain("gun", "Tulsa")
			.contains("sealed:v2:");
		TipTriaged triaged = json.readValue(published.value(), TipTriaged.class);
		assertThat(triaged.jurisdiction().state()).isEqualTo(StateCode.of("OK"));
		assertThat(triaged.classification().minor()).isTrue();
		assertThat(triaged.priority()).isEqualTo(Priority.P1);
		assertThat(TestFieldKeys.open(triaged.tip())).isEqualTo(tip);
	}

	@Test
	void aSecondReportOfTheSameNumberIsLinkedBothWaysAndARedeliveryRepeatsTheLinkUnderItsId() throws Exception {
		String phone = uniquePhone();
		TipReceived first = TestFieldKeys.seal(tip("the ad lists " + phone + " for dates"));
		TipReceived second = TestFieldKeys.seal(tip("they answer at " + phone + " at the motel"));
		publish(Topics.TIPS_RECEIVED, first.tipId(), json.writeValueAsBytes(first));
		awaitRecord(Topics.TIPS_TRIAGED, first.tipId());

		publish(Topics.TIPS_RECEIVED, second.tipId(), json.writeValueAsBytes(second));

		TipTriaged triaged = json.readValue(awaitRecord(Topics.TIPS_TRIAGED, second.tipId()).value(), TipTriaged.class);
		assertThat(triaged.linkedTipIds()).containsExactly(first.tipId());
		ConsumerRecord<String, byte[]> published = awaitRecord(Topics.TIPS_LINKED, first.tipId());
		TipLinked linked = json.readValue(published.value(), TipLinked.class);
		assertThat(linked.tipId()).isEqualTo(first.tipId());
		assertThat(linked.linkedTipId()).isEqualTo(second.tipId());
		assertThat(linked.linkedAt()).isEqualTo(triaged.triagedAt());
		assertThat(linked.evidence()).containsExactly(LinkEvidence.PHONE);
		String linkId = first.tipId() + "/linked/" + second.tipId();
		assertThat(header(published, CloudEventHeaders.ID)).isEqualTo(linkId);
		assertThat(header(published, CloudEventHeaders.TYPE)).isEqualTo("org.tipline.tip.linked.v1");
		assertThat(header(published, CloudEventHeaders.SUBJECT)).isEqualTo(first.tipId().toString());
		assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain(phone.replaceAll("\\D", ""));
		assertThat(recordsFor(Topics.TIPS_LINKED, second.tipId())).as("the earlier tip was triaged alone").isEmpty();

		publish(Topics.TIPS_RECEIVED, second.tipId(), json.writeValueAsBytes(second));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> recordsFor(Topics.TIPS_TRIAGED, second.tipId()).size() == 2);
		assertThat(recordsFor(Topics.TIPS_LINKED, first.tipId())).hasSize(2)
			.allSatisfy((repeated) -> assertThat(header(repeated, CloudEventHeaders.ID)).isEqualTo(linkId));
	}

	@Test
	void createsTheLinkedTopicWithSixPartitionsWhenItStarts() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			TopicDescription linked = admin.describeTopics(List.of(Topics.TIPS_LINKED))
				.allTopicNames()
				.get()
				.get(Topics.TIPS_LINKED);

			assertThat(linked.partitions()).hasSize(6);
		}
	}

	@Test
	void deadLettersATipWhoseNarrativeArrivesInTheClear() throws Exception {
		TipReceived clear = tip("kept at the farm, CLEAR-TEXT-" + UUID.randomUUID());
		publish(Topics.TIPS_RECEIVED, clear.tipId(), json.writeValueAsBytes(clear));

		ConsumerRecord<String, byte[]> deadLetter = awaitRecord("tips.received.v1.triage-service.dlq", clear.tipId());
		assertThat(deadLetter).isNotNull();
		assertThat(recordsFor(Topics.TIPS_TRIAGED, clear.tipId())).isEmpty();
	}

	@Test
	void deadLettersOnlyTheUnreadableTipOfAPollAndTriagesTheTipsAroundItOnce() throws Exception {
		TipReceived before = TestFieldKeys.seal(tip("girls kept at a massage parlor in Tulsa"));
		TipId unreadable = new TipId(UUID.randomUUID());
		TipReceived after = TestFieldKeys.seal(tip("men working without pay at a farm near Tulsa"));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			// one partition, one after the other, so that the three are read in order and usually in one poll
			producer.send(received(Topics.TIPS_RECEIVED, 0, before.tipId(), json.writeValueAsBytes(before)));
			producer.send(received(Topics.TIPS_RECEIVED, 0, unreadable, "{\"tipId\": not json".getBytes(StandardCharsets.UTF_8)));
			producer.send(received(Topics.TIPS_RECEIVED, 0, after.tipId(), json.writeValueAsBytes(after)));
			producer.flush();
		}

		awaitRecord(Topics.TIPS_TRIAGED, after.tipId());
		assertThat(recordsFor("tips.received.v1.triage-service.dlq", unreadable)).hasSize(1);
		assertThat(recordsFor(Topics.TIPS_TRIAGED, before.tipId())).hasSize(1);
		assertThat(recordsFor(Topics.TIPS_TRIAGED, after.tipId())).hasSize(1);
		assertThat(recordsFor(Topics.TIPS_TRIAGED, unreadable)).isEmpty();
	}

	private static TipReceived tip(String narrative) {
		return new TipReceived(new TipId(UUID.randomUUID()), Instant.now(), Channel.PHONE, "call-" + UUID.randomUUID(),
				"en", null, narrative, new Location(null, null, null, null, null, null), null);
	}

	/** Random enough that no other test's tip shares it. */
	private static String uniquePhone() {
		return "(918) %03d-%04d".formatted(RANDOM.nextInt(1000), RANDOM.nextInt(10_000));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static void publish(String topic, TipId tipId, byte[] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(received(topic, null, tipId, value)).get();
		}
	}

	/** As intake publishes it; {@code partition} null: the key's. */
	private static ProducerRecord<String, byte[]> received(String topic, Integer partition, TipId tipId, byte[] value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, tipId.toString(), value);
		CloudEventHeaders.of(EventType.TIP_RECEIVED, "/tipline/intake", tipId.toString(), tipId, Instant.now())
			.forEach((name, header) -> record.headers().add(name, String.valueOf(header).getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	private static ConsumerRecord<String, byte[]> awaitRecord(String topic, TipId tipId) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			found.addAll(recordsFor(topic, tipId));
			return !found.isEmpty();
		});
		return found.get(0);
	}

	private static List<ConsumerRecord<String, byte[]>> recordsFor(String topic, TipId tipId) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "triage-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (tipId.toString().equals(record.key())) {
						records.add(record);
					}
				}
			}
		}
		return records;
	}
}
