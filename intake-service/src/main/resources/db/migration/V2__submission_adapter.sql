-- Every adapter numbers its own channel messages: the same channel and message id from two adapters are two tips,
-- and an adapter reads back or answers consent only for its own. The tip id (derived from adapter, channel and
-- message id) becomes the key.
-- Rows recorded before adapters authenticated keep no adapter: none can read them back or answer consent for them.
ALTER TABLE submission ADD COLUMN adapter VARCHAR(64);
ALTER TABLE submission DROP CONSTRAINT submission_pkey;
ALTER TABLE submission DROP CONSTRAINT submission_tip_id_key;
ALTER TABLE submission ADD PRIMARY KEY (tip_id);
ALTER TABLE submission ADD CONSTRAINT submission_adapter_message UNIQUE (adapter, channel, channel_message_id);

-- The victim's latest answer through the consent endpoint; the answer given with the tip stays in the tip.
ALTER TABLE submission ADD COLUMN consent VARCHAR(16);
ALTER TABLE submission ADD COLUMN consent_updated_at TIMESTAMPTZ;
