package org.solidarityhub.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The pages of staff sign-in; the steps and their rules are {@link StaffSignIn}'s. */
@Controller
@RequestMapping("/staff/login")
class SignInController {

    private final StaffSignIn signIn;

    SignInController(StaffSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping
    String form(Model model) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof StaffPrincipal) {
            return "redirect:/staff";
        }
        model.addAttribute("form", new StaffSignIn.PasswordStep("", ""));
        return "staff/login";
    }

    @PostMapping
    String password(StaffSignIn.PasswordStep step, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("form", new StaffSignIn.PasswordStep(step.email() == null ? "" : step.email().strip(), ""));
        return view(signIn.password(step, request), "staff/login", response, model);
    }

    @GetMapping("/code")
    String codeForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        return view(signIn.codeForm(request), "staff/code", response, model);
    }

    @PostMapping("/code")
    String code(StaffSignIn.CodeStep step, HttpServletRequest request, HttpServletResponse response, Model model) {
        return view(signIn.code(step, request, response), "staff/code", response, model);
    }

    @GetMapping("/enroll")
    String enrollForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        return enrollment(signIn.enrollForm(request), response, model);
    }

    @PostMapping("/enroll")
    String enroll(StaffSignIn.CodeStep step, HttpServletRequest request, HttpServletResponse response, Model model) {
        return enrollment(signIn.enroll(step, request, response), response, model);
    }

    private String enrollment(StaffSignIn.Enrollment enrollment, HttpServletResponse response, Model model) {
        if (enrollment.qr() != null) {
            model.addAttribute("qr", enrollment.qr());
            model.addAttribute("secret", enrollment.secret());
        }
        return view(enrollment.result(), "staff/enroll", response, model);
    }

    /** The answer to a step: the page itself (with an error and its status), or where to go next. */
    private static String view(StaffSignIn.Result result, String page, HttpServletResponse response, Model model) {
        return switch (result) {
            case SHOW -> page;
            case THROTTLED -> refuse(response, model, HttpStatus.TOO_MANY_REQUESTS, "staff.signin.throttled", page);
            case WRONG_PASSWORD -> refuse(response, model, HttpStatus.UNAUTHORIZED, "staff.signin.wrong", page);
            case WRONG_CODE -> refuse(response, model, HttpStatus.UNAUTHORIZED, "staff.signin.wrongCode", page);
            case START_AGAIN -> "redirect:/staff/login?again";
            case RESTART -> "redirect:/staff/login";
            case TO_CODE -> "redirect:/staff/login/code";
            case TO_ENROLL -> "redirect:/staff/login/enroll";
            case SIGNED_IN -> "redirect:/staff";
        };
    }

    private static String refuse(HttpServletResponse response, Model model, HttpStatus status, String messageKey, String view) {
        response.setStatus(status.value());
        model.addAttribute("error", messageKey);
        return view;
    }
}
