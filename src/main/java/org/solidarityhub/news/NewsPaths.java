package org.solidarityhub.news;

/** The paths of news pages and feeds (pages without their language prefix). */
final class NewsPaths {

    static final String LIST = "/news";
    static final String FEED = "/api/v1/news.atom";
    static final String API = "/api/v1/posts";

    private NewsPaths() {
    }

    static String post(String slug) {
        return LIST + "/" + slug;
    }

    static String staff(long postId) {
        return "/staff/news/" + postId;
    }
}
