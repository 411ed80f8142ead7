-- The housekeeping sweep looks every second for announcements older than its grace period, which there almost
-- never are. Without this index that look scanned the table, rows published and deleted since included: 23 ms a
-- sweep at 100 tips/s in the benchmark (pg_stat_statements), now an index probe.
CREATE INDEX outbox_by_occurred_at ON outbox (occurred_at);
