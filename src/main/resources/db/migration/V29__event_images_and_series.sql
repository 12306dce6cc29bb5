-- Pictures and posters of events (issue 16), through the media module: owner ('events', event id).
-- No foreign key to event: when an event is deleted (never confirmed), the retention rule events.images finds its
-- rows here and discards the media items with them.
CREATE TABLE event_image (
    event_id BIGINT NOT NULL,
    media_id BIGINT NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, media_id)
);
CREATE INDEX event_image_media ON event_image (media_id);

-- Recurring and multi-place actions (issue 16): the events entered together as one series. Each occurrence is a
-- normal event; series_id is the id of the first one. Deleted with the event (an occurrence never confirmed).
CREATE TABLE event_series (
    event_id  BIGINT PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
    series_id BIGINT NOT NULL
);
CREATE INDEX event_series_series ON event_series (series_id);
