package org.solidarityhub.news;

/** Where a post stands: a draft, scheduled for a time (the publisher job publishes it then), or published. */
enum PostState {
    DRAFT, SCHEDULED, PUBLISHED
}
