package org.solidarityhub.platform;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom feed (RFC 4287) with the JDK's XML writer, which escapes markup; characters that XML 1.0
 * cannot carry are dropped, so the feed stays well-formed whatever was submitted. Features map what they
 * publish (events, news) to {@link Feed} and {@link Entry} and serve the text as {@code application/atom+xml}.
 */
public final class AtomWriter {

    private static final String NS = "http://www.w3.org/2005/Atom";

    /** The feed itself: a stable id (a tag: URI), its title, its own address and the page it follows. */
    public record Feed(String id, String title, String selfUrl, String pageUrl, String language, Instant updated) {
    }

    /** One entry; {@code contentHtml} is HTML the feature made safe, written as escaped text. */
    public record Entry(String id, String title, String url, Instant published, Instant updated, String summary,
                 String contentHtml, String category, String categoryLabel) {
    }

    private AtomWriter() {
    }

    /** The JDK's own StAX writer, whatever else is on the class path: the feeds' bytes do not depend on a library. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    public static String write(Feed feed, List<Entry> entries) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
            element(xml, "id", feed.id());
            element(xml, "title", feed.title());
            element(xml, "updated", time(feed.updated()));
            link(xml, "self", "application/atom+xml", feed.selfUrl());
            link(xml, "alternate", "text/html", feed.pageUrl());
            xml.writeStartElement("author");
            element(xml, "name", "Solidarity Hub");
            xml.writeEndElement();
            element(xml, "generator", "Solidarity Hub");
            for (Entry e : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", e.id());
                element(xml, "title", e.title());
                link(xml, "alternate", "text/html", e.url());
                element(xml, "published", time(e.published()));
                element(xml, "updated", time(e.updated()));
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", clean(e.category()));
                xml.writeAttribute("label", clean(e.categoryLabel()));
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(e.summary()));
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(clean(e.contentHtml()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href));
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Only the characters XML 1.0 allows. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF)) {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
