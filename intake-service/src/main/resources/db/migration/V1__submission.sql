CREATE TABLE submission (
    channel            VARCHAR(16)  NOT NULL,
    channel_message_id VARCHAR(200) NOT NULL,
    tip_id             VARCHAR(36)  NOT NULL UNIQUE,
    received_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel, channel_message_id)
);
