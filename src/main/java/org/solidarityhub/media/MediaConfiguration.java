package org.solidarityhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/** The media feature's parts, put together from {@link MediaProperties}. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /** The private work folder; what a previous run left there (uploads cut off by a restart) is deleted. */
    @Bean
    MediaWorkFolder mediaWorkFolder(MediaProperties settings, PlatformProperties platform) throws IOException {
        Path folder = settings.workDir() != null ? settings.workDir() : platform.dataDir().resolve("media-work");
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder);
        return new MediaWorkFolder(folder.toRealPath());
    }

    @Bean
    MediaStore mediaStore(MediaProperties settings, PlatformProperties platform) throws IOException {
        return switch (settings.store()) {
            case LOCAL -> new LocalMediaStore(settings.local().folder() != null
                    ? settings.local().folder() : platform.dataDir().resolve("media"));
            case S3 -> new S3MediaStore(settings.s3());
        };
    }

    @Bean
    Heif heif(MediaProperties settings) {
        return new Heif(settings.heifConvert());
    }

    @Bean
    UploadIntake uploadIntake(MediaProperties settings, MediaWorkFolder work, Heif heif, PdfPages pdfs) {
        return new UploadIntake(settings, work.path(), heif, pdfs);
    }

    /**
     * PDF receipts. PDFBox keeps a cache of the system's fonts (for PDFs that do not embed theirs) in the folder of
     * the system property {@code pdfbox.fontcache}, by default the user's home: it goes to
     * {@code app.media.pdf.font-cache} (by default under the data folder).
     */
    @Bean
    PdfPages pdfPages(MediaProperties settings, PlatformProperties platform) throws IOException {
        if (System.getProperty("pdfbox.fontcache") == null) {
            Path fonts = Files.createDirectories(settings.pdf().fontCache() != null
                    ? settings.pdf().fontCache() : platform.dataDir().resolve("pdfbox-fonts"));
            System.setProperty("pdfbox.fontcache", fonts.toAbsolutePath().toString());
        }
        return new PdfPages(settings);
    }

    @Bean
    ImagePipeline imagePipeline(MediaProperties settings, Heif heif) {
        return new ImagePipeline(settings, heif);
    }

    @Bean(destroyMethod = "close")
    MediaWorkers mediaWorkers(MediaProperties settings) {
        return new MediaWorkers(settings.workers(), settings.queue());
    }

    /** The folder where uploads wait and are processed, never served. */
    record MediaWorkFolder(Path path) {
    }
}
