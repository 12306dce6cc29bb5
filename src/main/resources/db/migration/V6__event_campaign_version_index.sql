-- The version of a campaign's events (their count and latest change), read on every request of the list,
-- the map and the feeds to tell whether their cached answers are still fresh, is an index-only scan.
CREATE INDEX event_campaign_updated ON event (campaign_id, updated_at);
