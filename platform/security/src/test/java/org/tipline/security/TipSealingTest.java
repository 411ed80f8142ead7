package org.tipline.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.google.crypto.tink.HybridEncrypt;

import org.junit.jupiter.api.Test;
import org.tipline.events.Channel;
import org.tipline.events.Consent;
import org.tipline.events.Contact;
import org.tipline.events.Location;
import org.tipline.events.Reporter;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TipSealingTest {

	private static final String PRIVATE_KEYSET = FieldKeys.generatePrivateKeyset();

	private static final String PUBLIC_KEYSET = FieldKeys.publicKeysetOf(PRIVATE_KEYSET);

	private final TipSealer intake = TipSealer.withPublicKeyset(PUBLIC_KEYSET);

	private final TipOpener triage = TipOpener.withPrivateKeyset(PRIVATE_KEYSET);

	@Test
	void sealsEveryPersonalFieldAndOpensThemAgain() {
		TipReceived tip = tip(new TipId(UUID.randomUUID()));
		TipReceived sealed = intake.seal(tip);

		assertThat(sealed.narrative()).startsWith("sealed:v2:");
		assertThat(sealed.callerPhone()).startsWith("sealed:v2:");
		assertThat(sealed.reporter().contact().phone()).startsWith("sealed:v2:");
		assertThat(sealed.reporter().contact().email()).startsWith("sealed:v2:");
		assertThat(sealed.location().address()).startsWith("sealed:v2:");
		assertThat(sealed.toString()).doesNotContain("MARIA-PERSONAL", "3055550100", "7865550111", "reporter@example.org",
				"12 Hidden Lane");
		// what routing and oversight need stays readable
		assertThat(sealed.location().state()).isEqualTo(StateCode.of("FL"));
		assertThat(sealed.location().zip()).isEqualTo("33101");
		assertThat(sealed.reporter().role()).isEqualTo(ReporterRole.THIRD_PARTY);

		assertThat(triage.open(sealed)).isEqualTo(tip);
	}

	@Test
	void sealsTheSameTextDifferentlyEachTime() {
		TipReceived tip = tip(new TipId(UUID.randomUUID()));
		assertThat(intake.seal(tip).narrative()).isNotEqualTo(intake.seal(tip).narrative());
	}

	@Test
	void refusesACiphertextMovedToAnotherTipOrField() {
		TipReceived first = intake.seal(tip(new TipId(UUID.randomUUID())));
		TipReceived second = intake.seal(tip(new TipId(UUID.randomUUID())));
		// sealed one after the other, both are normally under one data key: only the associated data tells them apart
		TipReceived narrativeOfAnotherTip = new TipReceived(second.tipId(), second.receivedAt(), second.channel(),
				second.channelMessageId(), second.language(), second.reporter(), first.narrative(), second.location(),
				second.callerPhone());
		assertThatThrownBy(() -> triage.open(narrativeOfAnotherTip)).isInstanceOf(UnsealedFieldException.class)
			.hasMessageContaining("narrative").hasMessageContaining(second.tipId().toString());

		TipReceived phoneInTheNarrative = new TipReceived(first.tipId(), first.receivedAt(), first.channel(),
				first.channelMessageId(), first.language(), first.reporter(), first.callerPhone(), first.location(),
				first.callerPhone());
		assertThatThrownBy(() -> triage.open(phoneInTheNarrative)).isInstanceOf(UnsealedFieldException.class);
	}

	@Test
	void refusesAPersonalFieldThatArrivesInTheClear() {
		TipReceived clear = tip(new TipId(UUID.randomUUID()));
		assertThatThrownBy(() -> triage.open(clear)).isInstanceOf(UnsealedFieldException.class)
			.hasMessageContaining("arrived unsealed")
			.hasMessageNotContaining("MARIA-PERSONAL");
	}

	@Test
	void refusesATamperedCiphertext() {
		TipReceived sealed = intake.seal(tip(new TipId(UUID.randomUUID())));
		String narrative = sealed.narrative();
		int separator = narrative.lastIndexOf(':');
		byte[] bytes = Base64.getDecoder().decode(narrative.substring(separator + 1));
		bytes[bytes.length - 1] ^= 1;
		TipReceived tampered = withNarrative(sealed,
				narrative.substring(0, separator + 1) + Base64.getEncoder().encodeToString(bytes));
		assertThatThrownBy(() -> triage.open(tampered)).isInstanceOf(UnsealedFieldException.class);
	}

	@Test
	void sealsAllFieldsOfATipUnderOneDataKey() {
		TipReceived sealed = intake.seal(tip(new TipId(UUID.randomUUID())));
		assertThat(List.of(sealed.callerPhone(), sealed.reporter().contact().phone(),
				sealed.reporter().contact().email(), sealed.location().address()))
			.extracting(TipSealingTest::sealedDataKey)
			.containsOnly(sealedDataKey(sealed.narrative()));
	}

	@Test
	void sharesADataKeyAmongAtMostAThousandTips() {
		TipSealer sealer = TipSealer.withPublicKeyset(PUBLIC_KEYSET);
		List<String> keys = new java.util.ArrayList<>();
		for (int i = 0; i < TipSealer.DATA_KEY_TIPS + 1; i++) {
			keys.add(sealedDataKey(sealer.seal(tip(new TipId(UUID.randomUUID()))).narrative()));
		}
		assertThat(keys.get(keys.size() - 1)).isNotEqualTo(keys.get(0));
		assertThat(keys.stream().filter((key) -> key.equals(keys.get(0))).count())
			.isLessThanOrEqualTo(TipSealer.DATA_KEY_TIPS);
		assertThat(triage.open(sealer.seal(tip(new TipId(UUID.randomUUID()))))).isNotNull();
	}

	@Test
	void opensFieldsSealedOneByOneAsBeforeVersionTwo() throws Exception {
		TipReceived tip = tip(new TipId(UUID.randomUUID()));
		HybridEncrypt fieldByField = FieldKeys.parsePublic(PUBLIC_KEYSET)
			.getPrimitive(FieldKeys.CONFIGURATION, HybridEncrypt.class);
		TipReceived sealedV1 = PersonalFields.transform(tip, (tipId, field, value) -> {
			try {
				return "sealed:v1:" + Base64.getEncoder()
					.encodeToString(fieldByField.encrypt(value.getBytes(StandardCharsets.UTF_8),
							TipSealer.boundTo(tipId, field)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(triage.open(sealedV1)).isEqualTo(tip);
	}

	@Test
	void theIntakeKeysetHoldsNoSecretAndCannotOpen() {
		assertThat(PUBLIC_KEYSET).doesNotContain("\"keyMaterialType\": \"ASYMMETRIC_PRIVATE\"")
			.contains("ASYMMETRIC_PUBLIC");
		assertThatIllegalArgumentException().isThrownBy(() -> TipOpener.withPrivateKeyset(PUBLIC_KEYSET));
	}

	@Test
	void opensWhatWasSealedBeforeARotationAndSealsUnderTheNewKeyAfterIt() {
		TipReceived tip = tip(new TipId(UUID.randomUUID()));
		TipReceived sealedBefore = intake.seal(tip);

		String rotated = FieldKeys.rotate(PRIVATE_KEYSET);
		TipOpener openerAfter = TipOpener.withPrivateKeyset(rotated);
		TipReceived sealedAfter = TipSealer.withPublicKeyset(FieldKeys.publicKeysetOf(rotated)).seal(tip);

		assertThat(openerAfter.open(sealedBefore)).isEqualTo(tip);
		assertThat(openerAfter.open(sealedAfter)).isEqualTo(tip);
		// the first five bytes of a Tink ciphertext name the key: a new primary, a new prefix
		assertThat(keyPrefix(sealedAfter.narrative())).isNotEqualTo(keyPrefix(sealedBefore.narrative()));
		// the old keyset does not know the new key
		assertThatThrownBy(() -> triage.open(sealedAfter)).isInstanceOf(UnsealedFieldException.class);
	}

	@Test
	void aServiceWithoutAKeysetFileIsToldWhichPropertyToSetAndWhy() {
		assertThatThrownBy(() -> FieldKeys.readConfigured("tipline.field-encryption.public-keyset-file", " ",
				"intake seals with it")).isInstanceOf(IllegalStateException.class)
			.hasMessage("tipline.field-encryption.public-keyset-file is not set: intake seals with it (create the "
					+ "keysets with ./tipline keys keyset DIR)");
	}

	@Test
	void leavesAbsentFieldsAbsent() {
		TipId id = new TipId(UUID.randomUUID());
		TipReceived sparse = new TipReceived(id, Instant.parse("2026-11-29T10:00:00Z"), Channel.WEB, "m-1", "en",
				null, "just a narrative", null, null);
		TipReceived sealed = intake.seal(sparse);
		assertThat(sealed.reporter()).isNull();
		assertThat(sealed.location()).isNull();
		assertThat(sealed.callerPhone()).isNull();
		assertThat(triage.open(sealed)).isEqualTo(sparse);
	}

	private static String sealedDataKey(String sealed) {
		return sealed.substring("sealed:v2:".length(), sealed.lastIndexOf(':'));
	}

	private static String keyPrefix(String sealed) {
		byte[] bytes = Base64.getDecoder().decode(sealedDataKey(sealed));
		return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 5));
	}

	private static TipReceived withNarrative(TipReceived tip, String narrative) {
		return new TipReceived(tip.tipId(), tip.receivedAt(), tip.channel(), tip.channelMessageId(), tip.language(),
				tip.reporter(), narrative, tip.location(), tip.callerPhone());
	}

	private static TipReceived tip(TipId id) {
		return new TipReceived(id, Instant.parse("2026-11-29T10:00:00Z"), Channel.SMS, "sms-42", "en",
				new Reporter(ReporterRole.THIRD_PARTY, Consent.GRANTED, new Contact("7865550111", "reporter@example.org")),
				"MARIA-PERSONAL is kept at the motel, she is 15", new Location(StateCode.of("FL"), "Miami", "33101",
						"12 Hidden Lane", 25.77, -80.19),
				"3055550100");
	}
}
