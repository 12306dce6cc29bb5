package org.solidarityhub.fundraising;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.media.MediaContent;
import org.solidarityhub.platform.BadInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A purchase's receipts for treasurers (plain forms, no JavaScript): upload, black boxes per page, publish, discard,
 * and the private original as a download. Everything answers on the purchase's page ({@link PurchaseStaffController}).
 */
@Controller
@RequestMapping("/staff/fundraising/{id:\\d{1,18}}/purchases/{purchase:\\d{1,18}}/receipts")
@PreAuthorize("hasRole('TREASURER')")
class ReceiptStaffController {

    private final Receipts receipts;

    ReceiptStaffController(Receipts receipts) {
        this.receipts = receipts;
    }

    @PostMapping
    String upload(@PathVariable long id, @PathVariable long purchase,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        return StaffActions.run(redirect, page(id, purchase), () -> {
            MultipartFile chosen = chosen(file);
            try (InputStream in = chosen == null ? null : chosen.getInputStream()) {
                receipts.upload(id, purchase, in, chosen == null ? -1 : chosen.getSize());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "fundraising.staff.done.receiptUploaded";
        });
    }

    @PostMapping("/{receipt:\\d{1,18}}/pages/{page:\\d{1,4}}/redact")
    String redact(@PathVariable long id, @PathVariable long purchase, @PathVariable long receipt, @PathVariable int page,
                  @RequestParam(required = false) @Nullable String regions, RedirectAttributes redirect) {
        return StaffActions.run(redirect, page(id, purchase), () -> {
            receipts.redact(id, purchase, receipt, page, regions);
            return "fundraising.staff.done.receiptRedacted";
        });
    }

    @PostMapping("/{receipt:\\d{1,18}}/publish")
    String publish(@PathVariable long id, @PathVariable long purchase, @PathVariable long receipt,
                   RedirectAttributes redirect) {
        return StaffActions.run(redirect, page(id, purchase), () -> {
            receipts.publish(id, purchase, receipt);
            return "fundraising.staff.done.receiptPublished";
        });
    }

    @PostMapping("/{receipt:\\d{1,18}}/discard")
    String discard(@PathVariable long id, @PathVariable long purchase, @PathVariable long receipt,
                   RedirectAttributes redirect) {
        return StaffActions.run(redirect, page(id, purchase), () -> {
            receipts.discard(id, purchase, receipt);
            return "fundraising.staff.done.receiptDiscarded";
        });
    }

    /**
     * The upload as received, with all its metadata (and a PDF's text, scripts and attachments): only as an attachment,
     * never sniffed or run, never cached.
     */
    @GetMapping("/{receipt:\\d{1,18}}/original")
    @Nullable String original(@PathVariable long id, @PathVariable long purchase, @PathVariable long receipt,
                              HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        MediaContent content;
        try {
            content = receipts.original(id, purchase, receipt);
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.reasonKey());
            return "redirect:" + page(id, purchase);
        }
        String name = content.name();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        response.setContentType(content.contentType());
        response.setContentLengthLong(content.length());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"receipt-" + receipt + extension + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (InputStream in = content.stream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
        return null;
    }

    /** The file chosen; null when the field was left empty (a browser still sends an empty part without a name). */
    static @Nullable MultipartFile chosen(@Nullable MultipartFile file) {
        if (file == null || (file.getSize() == 0 && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()))) {
            return null;
        }
        return file;
    }

    static String page(long id, long purchase) {
        return "/staff/fundraising/" + id + "/purchases/" + purchase;
    }
}
