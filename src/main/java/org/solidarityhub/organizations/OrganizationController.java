package org.solidarityhub.organizations;

import java.util.Locale;

import org.solidarityhub.platform.Countries;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public page of a verified organization; unverified ones do not exist publicly. */
@Controller
class OrganizationController {

    private final Organizations organizations;
    private final Countries countries;

    OrganizationController(Organizations organizations, Countries countries) {
        this.organizations = organizations;
        this.countries = countries;
    }

    @GetMapping("/organizations/{id}")
    String show(@PathVariable long id, Locale locale, Model model) {
        Organization organization = organizations.find(id).filter(Organization::verified)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("organization", organization);
        model.addAttribute("countryName", countries.name(organization.country(), locale));
        return "organizations/show";
    }
}
