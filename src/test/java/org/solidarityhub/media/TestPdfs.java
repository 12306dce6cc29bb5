package org.solidarityhub.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;

/**
 * PDFs for the receipt tests, made with PDFBox. The canary receipt's first page is 400 x 300 points: black and white
 * stripes with an account number over them (x 50-250, from the top 100-160 points: {@link #STRIPES}), a red picture
 * (x 300-360, from the top 40-100), a black box in a layer that is off (x 300-360, from the top 220-260:
 * {@link #HIDDEN_BOX}), invisible text, a note annotation; the document has Title, Author, Subject, Keywords, XMP,
 * an embedded file and JavaScript run on opening. Its second page is 300 x 400 points (portrait) with a line of text.
 */
public final class TestPdfs {

    static final String TITLE = "Canary receipt title 2231";
    static final String AUTHOR = "Olena Canaryauthor";
    static final String SUBJECT = "Canary subject vests";
    static final String KEYWORDS = "canarykeyword-supplier";
    static final String XMP_CANARY = "CanaryXmpCreatorTool";
    public static final String ACCOUNT = "UA213223130000026007233566001";
    static final String INVISIBLE = "InvisibleCanaryText";
    static final String HIDDEN = "HiddenLayerCanary";
    static final String ANNOTATION = "Annotation canary: call 0501234567";
    static final String ATTACHMENT = "Attachment canary: donor list";
    static final String JAVASCRIPT = "JavaScriptCanary";
    static final String PAGE_TWO = "SecondPageCanary";
    /** The page's size in points (first page). */
    public static final int WIDTH = 400;
    public static final int HEIGHT = 300;
    /** x, y from the top, width, height in points. */
    public static final int[] STRIPES = {50, 100, 200, 60};
    static final int[] PICTURE = {300, 40, 60, 60};
    static final int[] HIDDEN_BOX = {300, 220, 60, 40};

    private TestPdfs() {
    }

    /** Every string of the canary receipt that must not reach a published byte. */
    public static List<String> canaries() {
        return List.of(TITLE, AUTHOR, SUBJECT, KEYWORDS, XMP_CANARY, ACCOUNT, INVISIBLE, HIDDEN, ANNOTATION,
                ATTACHMENT, JAVASCRIPT, PAGE_TWO, "%PDF", "%%EOF", "Helvetica", "PDFBox", "xmpmeta", "secret.txt");
    }

    public static byte[] receipt() {
        try (PDDocument document = new PDDocument()) {
            canaryPages(document);
            canaryMetadata(document);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canary receipt, encrypted: with an owner password only (it opens without one), or with a user password. */
    static byte[] encrypted(boolean userPassword) {
        try (PDDocument document = new PDDocument()) {
            canaryPages(document);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret",
                    userPassword ? "user-secret" : "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with {@code count} small pages, each {@code width} x {@code height} points. */
    static byte[] pages(int count, float width, float height) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.addRect(10, 10, 20, 20);
                    content.fill();
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-page PDF drawing an image that declares {@code width} x {@code height} pixels but holds a few bytes of
     * Flate data: a pixel flood inside a PDF.
     */
    public static byte[] imageFlood(int width, int height) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(200, 200));
            document.addPage(page);
            java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
                out.write(new byte[1024]);
            }
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject flood =
                    new org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject(document,
                            new ByteArrayInputStream(deflated.toByteArray()), COSName.FLATE_DECODE, width, height, 8,
                            org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(flood, 10, 10, 100, 100);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void canaryPages(PDDocument document) throws IOException {
        PDOptionalContentProperties layers = new PDOptionalContentProperties();
        PDOptionalContentGroup hidden = new PDOptionalContentGroup("hidden");
        layers.addGroup(hidden);
        layers.setGroupEnabled(hidden, false);
        document.getDocumentCatalog().setOCProperties(layers);

        PDPage first = new PDPage(new PDRectangle(WIDTH, HEIGHT));
        document.addPage(first);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        BufferedImage red = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                red.setRGB(x, y, 0xFF0000);
            }
        }
        try (PDPageContentStream content = new PDPageContentStream(document, first)) {
            content.setNonStrokingColor(Color.BLACK);
            for (int x = STRIPES[0]; x < STRIPES[0] + STRIPES[2]; x += 8) {
                content.addRect(x, HEIGHT - STRIPES[1] - STRIPES[3], 4, STRIPES[3]);
            }
            content.fill();
            text(content, font, 12, STRIPES[0], HEIGHT - STRIPES[1] - 35, ACCOUNT);
            content.drawImage(LosslessFactory.createFromImage(document, red),
                    PICTURE[0], HEIGHT - PICTURE[1] - PICTURE[3], PICTURE[2], PICTURE[3]);
            content.beginText();
            content.setFont(font, 10);
            content.setRenderingMode(RenderingMode.NEITHER);
            content.newLineAtOffset(20, 20);
            content.showText(INVISIBLE);
            content.endText();
            content.beginMarkedContent(COSName.OC, hidden);
            content.setNonStrokingColor(Color.BLACK);
            content.addRect(HIDDEN_BOX[0], HEIGHT - HIDDEN_BOX[1] - HIDDEN_BOX[3], HIDDEN_BOX[2], HIDDEN_BOX[3]);
            content.fill();
            text(content, font, 8, HIDDEN_BOX[0], HEIGHT - HIDDEN_BOX[1] - 10, HIDDEN);
            content.endMarkedContent();
        }
        PDAnnotationText note = new PDAnnotationText();
        note.setContents(ANNOTATION);
        note.setRectangle(new PDRectangle(10, 260, 20, 20));
        first.getAnnotations().add(note);

        PDPage second = new PDPage(new PDRectangle(300, 400));
        document.addPage(second);
        try (PDPageContentStream content = new PDPageContentStream(document, second)) {
            text(content, font, 14, 30, 300, PAGE_TWO);
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static void canaryMetadata(PDDocument document) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(TITLE);
        info.setAuthor(AUTHOR);
        info.setSubject(SUBJECT);
        info.setKeywords(KEYWORDS);
        info.setCreationDate(Calendar.getInstance());
        PDMetadata xmp = new PDMetadata(document);
        xmp.importXMPMetadata(("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
                + " xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreatorTool='" + XMP_CANARY + "'/></rdf:RDF>"
                + "</x:xmpmeta><?xpacket end='w'?>").getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(xmp);

        PDEmbeddedFile file = new PDEmbeddedFile(document,
                new ByteArrayInputStream(ATTACHMENT.getBytes(StandardCharsets.UTF_8)));
        file.setSubtype("text/plain");
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("secret.txt");
        spec.setEmbeddedFile(file);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of("secret.txt", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('" + JAVASCRIPT + "');"));
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
