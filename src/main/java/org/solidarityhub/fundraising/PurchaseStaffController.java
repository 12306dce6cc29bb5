package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A purchase's page for treasurers: its status, moved on step by step, its receipts ({@link ReceiptStaffController})
 * and its deliveries with their photos ({@link DeliveryPhotoStaffController}).
 */
@Controller
@RequestMapping("/staff/fundraising/{id:\\d{1,18}}/purchases/{purchase:\\d{1,18}}")
@PreAuthorize("hasRole('TREASURER')")
class PurchaseStaffController {

    private final Fundraisers fundraisers;
    private final Purchases purchases;
    private final Deliveries deliveries;
    private final FundraisingFigures figures;
    private final StaffViews views;
    private final Receipts receipts;
    private final Media media;
    private final Clock clock;

    PurchaseStaffController(Fundraisers fundraisers, Purchases purchases, Deliveries deliveries,
                            FundraisingFigures figures, StaffViews views, Receipts receipts, Media media, Clock clock) {
        this.receipts = receipts;
        this.media = media;
        this.fundraisers = fundraisers;
        this.purchases = purchases;
        this.deliveries = deliveries;
        this.figures = figures;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable long id, @PathVariable long purchase, Model model) {
        Fundraiser fundraiser = fundraisers.get(id);
        Purchase p = purchases.get(id, purchase);
        model.addAttribute("fundraiser", fundraiser);
        model.addAttribute("row", views.purchase(p));
        model.addAttribute("next", p.approval() == Purchase.Approval.APPROVED ? p.status().next() : null);
        model.addAttribute("waiting", figures.goods(p.id(), Account.GOODS_ORDERED));
        List<Delivery> delivered = purchases.deliveries(p.id());
        model.addAttribute("deliveries", views.deliveries(delivered));
        model.addAttribute("photos", media.findAll(delivered.stream().map(Delivery::mediaId).filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(MediaItem::id, item -> item)));
        model.addAttribute("receipts", receipts.of(p.id()));
        model.addAttribute("canDetect", media.canDetectFaces());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("steps", Purchase.Status.values());
        if (!model.containsAttribute("deliveryForm")) {
            model.addAttribute("deliveryForm", Deliveries.Form.empty(LocalDate.now(clock)));
            model.addAttribute("deliveryFormErrors", Map.of());
        }
        return "fundraising/staff/purchase";
    }

    @PostMapping("/status")
    String advance(@PathVariable long id, @PathVariable long purchase, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String on, RedirectAttributes redirect) {
        try {
            return StaffActions.run(redirect, page(id, purchase), () -> {
                purchases.advance(id, purchase, status, on);
                return "fundraising.staff.done.status";
            });
        } catch (FormProblems e) {
            redirect.addFlashAttribute("error", e.problems().all().values().iterator().next().key());
            return "redirect:" + page(id, purchase);
        }
    }

    @PostMapping("/deliveries")
    String recordDelivery(@PathVariable long id, @PathVariable long purchase, Deliveries.Form form,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            return StaffActions.run(redirect, page(id, purchase), () -> {
                deliveries.record(id, purchase, form);
                return "fundraising.staff.done.delivery";
            });
        } catch (FormProblems e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("deliveryForm", form);
            model.addAttribute("deliveryFormErrors", e.problems().all());
            model.addAttribute("error", "fundraising.staff.formProblems");
            return show(id, purchase, model);
        }
    }

    private static String page(long id, long purchase) {
        return "/staff/fundraising/" + id + "/purchases/" + purchase;
    }
}
