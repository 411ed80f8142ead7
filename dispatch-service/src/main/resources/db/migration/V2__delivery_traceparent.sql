-- The W3C trace context of the decision that queued a delivery, so the delivery request continues the tip's trace
-- even though it is sent later, from another thread or instance.
ALTER TABLE delivery ADD COLUMN traceparent VARCHAR(64);
