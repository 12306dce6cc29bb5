package org.solidarityhub.updates;

/** Who gets an update: the news page's subscribers, an appeal's signers who asked for updates, a campaign's organizers. */
enum Audience {
    SUBSCRIBERS, APPEAL, CAMPAIGN
}
