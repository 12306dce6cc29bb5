package org.solidarityhub.platform;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The living page of the design system (docs/design.md): every component of base.css and components.css with the
 * shared fragments, and the colours with their contrast. It is in the staff area (any signed-in staff member, any
 * role): it shows nothing secret, but it is a tool for those who build and check pages, not a public page.
 * {@code /design} leads there.
 */
@Controller
class DesignController {

    /** A colour token and the colour it is used on, with their contrast ratio (WCAG 2). */
    record Swatch(String token, String color, String background, String use, double ratio) {

        /** "7.0:1" */
        public String ratioText() {
            return String.format(Locale.ROOT, "%.1f:1", Math.floor(ratio * 10) / 10);
        }

        /** AA asks 4.5:1 for text, 3:1 for large text and for the edges of controls. */
        public boolean passesText() {
            return ratio >= 4.5;
        }

        /** The class that shows this colour (design.css). */
        public String cssClass() {
            return "swatch-" + token.substring("--color-".length());
        }
    }

    /** The colours of base.css as they are used; DesignTest checks them against the stylesheet. */
    static final List<Swatch> SWATCHES = List.of(
            swatch("--color-ink", "#1b1f24", "#ffffff", "text on paper"),
            swatch("--color-muted", "#59626e", "#ffffff", "secondary text on paper"),
            swatch("--color-muted", "#59626e", "#f3f6fa", "secondary text on tint"),
            swatch("--color-brand", "#0057b7", "#ffffff", "links on paper; white text on brand buttons"),
            swatch("--color-brand-dark", "#003d80", "#ffffff", "hovered links, counts"),
            swatch("--color-accent", "#ffd700", "#1b1f24", "accent buttons: ink text on yellow"),
            swatch("--color-accent", "#ffd700", "#0057b7", "yellow on the blue header and hero"),
            swatch("--color-danger", "#a4161a", "#fbeaea", "error text on the alert background"),
            swatch("--color-success", "#1f6f3f", "#e6f4ec", "success badge text"),
            swatch("--color-warning", "#7a4d00", "#fff4cc", "warning badge text"),
            swatch("--color-field", "#79828f", "#ffffff", "edges of form controls (3:1 needed)"));

    static Swatch swatch(String token, String color, String background, String use) {
        return new Swatch(token, color, background, use, contrast(color, background));
    }

    /** The WCAG 2 contrast ratio of two sRGB colours written #rrggbb. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @GetMapping("/design")
    String design() {
        return "redirect:/staff/design";
    }

    @GetMapping("/staff/design")
    String page(Model model) {
        model.addAttribute("swatches", SWATCHES);
        return "platform/staff/design";
    }
}
