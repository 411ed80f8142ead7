package org.tipline.dispatch.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tipline.security.FieldKeys;
import org.tipline.security.TipOpener;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery's body is kept in the queue as decided, with the tip's personal fields still sealed, and opened only
 * for the request that carries it to the state: no table of dispatch holds a victim's details in the clear.
 * Opening and writing the same record gives the same bytes, so every attempt still sends (and signs) the same body.
 */
@Component
public class DeliveryBodies {

	private final TipOpener opener;

	private final JsonMapper json;

	DeliveryBodies(@Value("${tipline.field-encryption.private-keyset-file:}") String privateKeysetFile,
			JsonMapper json) {
		this.opener = TipOpener.withPrivateKeyset(FieldKeys.readConfigured("tipline.field-encryption.private-keyset-file",
				privateKeysetFile, "dispatch opens the narrative and contact details only to deliver them"));
		this.json = json;
	}

	/** The body as the state receives it. */
	String open(String storedBody) {
		StateDelivery sealed = json.readValue(storedBody, StateDelivery.class);
		return json.writeValueAsString(sealed.withTip(opener.open(sealed.tip())));
	}
}
