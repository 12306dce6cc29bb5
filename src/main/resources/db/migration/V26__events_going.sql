-- "I'm going" (issue 16): per event, its organizers choose no "going" (NONE, the default) or an anonymous
-- count (COUNT: a button; nothing about the person is kept). going_count is the number shown; going_changed_at
-- versions the cached pages and feeds of the event's campaign (a click changes no content of the event).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE event ADD COLUMN going_mode VARCHAR(10) DEFAULT 'NONE' NOT NULL;
ALTER TABLE event ADD COLUMN going_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE event ADD COLUMN going_changed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX event_campaign_going ON event (campaign_id, going_changed_at);
