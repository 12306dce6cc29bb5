package org.solidarityhub.fundraising;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A delivery's photo for treasurers (plain forms): upload, blur faces or regions, publish, remove. */
@Controller
@RequestMapping("/staff/fundraising/{id:\\d{1,18}}/purchases/{purchase:\\d{1,18}}/deliveries/{delivery:\\d{1,18}}/photo")
@PreAuthorize("hasRole('TREASURER')")
class DeliveryPhotoStaffController {

    private final DeliveryPhotos photos;

    DeliveryPhotoStaffController(DeliveryPhotos photos) {
        this.photos = photos;
    }

    @PostMapping
    String upload(@PathVariable long id, @PathVariable long purchase, @PathVariable long delivery,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        return StaffActions.run(redirect, ReceiptStaffController.page(id, purchase), () -> {
            MultipartFile chosen = ReceiptStaffController.chosen(file);
            try (InputStream in = chosen == null ? null : chosen.getInputStream()) {
                photos.attach(id, purchase, delivery, in, chosen == null ? -1 : chosen.getSize());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "fundraising.staff.done.photoUploaded";
        });
    }

    @PostMapping("/faces")
    String faces(@PathVariable long id, @PathVariable long purchase, @PathVariable long delivery,
                 RedirectAttributes redirect) {
        return StaffActions.run(redirect, ReceiptStaffController.page(id, purchase), () -> {
            photos.blurFaces(id, purchase, delivery);
            return "fundraising.staff.done.photoBlurred";
        });
    }

    @PostMapping("/regions")
    String regions(@PathVariable long id, @PathVariable long purchase, @PathVariable long delivery,
                   @RequestParam(required = false) @Nullable String regions, RedirectAttributes redirect) {
        return StaffActions.run(redirect, ReceiptStaffController.page(id, purchase), () -> {
            photos.blurRegions(id, purchase, delivery, regions);
            return "fundraising.staff.done.photoBlurred";
        });
    }

    @PostMapping("/publish")
    String publish(@PathVariable long id, @PathVariable long purchase, @PathVariable long delivery,
                   RedirectAttributes redirect) {
        return StaffActions.run(redirect, ReceiptStaffController.page(id, purchase), () -> {
            photos.publish(id, purchase, delivery);
            return "fundraising.staff.done.photoPublished";
        });
    }

    @PostMapping("/remove")
    String remove(@PathVariable long id, @PathVariable long purchase, @PathVariable long delivery,
                  RedirectAttributes redirect) {
        return StaffActions.run(redirect, ReceiptStaffController.page(id, purchase), () -> {
            photos.remove(id, purchase, delivery);
            return "fundraising.staff.done.photoRemoved";
        });
    }
}
