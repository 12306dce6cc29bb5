package org.solidarityhub.fundraising;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * The treasurers' pages of bank imports: upload, map a CSV's columns, preview, confirm (docs/fundraising.md,
 * "Bank imports"). Everything happens in {@link BankImports}; a refused step shows its reason on the page.
 */
@Controller
@RequestMapping("/staff/fundraising/imports")
@PreAuthorize("hasRole('TREASURER')")
class BankImportController {

    private final BankImports imports;
    private final Fundraisers fundraisers;

    BankImportController(BankImports imports, Fundraisers fundraisers) {
        this.imports = imports;
        this.fundraisers = fundraisers;
    }

    /** The upload form (with a fundraiser chosen, when a fundraiser's page links here) and the recent imports. */
    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long fundraiser, Model model) {
        model.addAttribute("selectedFundraiser", fundraiser);
        return listPage(model);
    }

    @PostMapping
    String upload(@RequestParam(defaultValue = "0") long fundraiser, @RequestParam(required = false) @Nullable MultipartFile file) {
        long id = imports.upload(fundraiser, file == null ? 0 : file.getSize(),
                file == null ? () -> java.io.InputStream.nullInputStream() : file);
        return "redirect:/staff/fundraising/imports/" + id;
    }

    @GetMapping("/{id:\\d{1,18}}")
    String preview(@PathVariable long id, @RequestParam(required = false) @Nullable String done, Model model) {
        if (imports.get(id).state() == BankImport.State.UPLOADED) {
            return "redirect:/staff/fundraising/imports/" + id + "/mapping";
        }
        model.addAttribute("notice", "imported".equals(done) ? "fundraising.import.done.imported" : null);
        return previewPage(id, Map.of(), model);
    }

    @GetMapping("/{id:\\d{1,18}}/mapping")
    String mapping(@PathVariable long id, @RequestParam(required = false) @Nullable String encoding,
                   @RequestParam(required = false) @Nullable String delimiter, Model model) {
        if (imports.get(id).format() != BankImport.Format.CSV) {
            return "redirect:/staff/fundraising/imports/" + id;
        }
        CsvMapping suggested = imports.suggestedMapping(id);
        CsvMapping mapping = encoding == null && delimiter == null ? suggested : new CsvMapping(
                encoding == null ? suggested.encoding() : encoding, delimiter == null ? suggested.delimiter() : delimiter,
                suggested.headerRow(), suggested.dateColumn(), suggested.dateFormat(), suggested.amountMode(),
                suggested.amountColumn(), suggested.creditColumn(), suggested.debitColumn(), suggested.decimalSeparator(),
                suggested.currencyColumn(), suggested.fixedCurrency(), suggested.referenceColumn(),
                suggested.counterpartyColumn(), suggested.bankIdColumn());
        return mappingPage(id, mapping, List.of(), model);
    }

    @PostMapping("/{id:\\d{1,18}}/mapping")
    String map(@PathVariable long id, @ModelAttribute("mapping") CsvMapping mapping, BindingResult binding, Model model,
               HttpServletResponse response) {
        List<String> problems = imports.map(id, mapping);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return mappingPage(id, mapping, problems, model);
        }
        return "redirect:/staff/fundraising/imports/" + id;
    }

    @PostMapping("/{id:\\d{1,18}}/confirm")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response) {
        Map<String, BankImports.RateInput> rates = new TreeMap<>();
        imports.preview(id).foreignCurrencies().forEach(c -> rates.put(c,
                new BankImports.RateInput(form.get("rate" + c), form.get("rateOn" + c), form.get("rateSource" + c))));
        try {
            imports.confirm(id, rates);
        } catch (FormProblems e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.problems());
            return previewPage(id, form, model);
        }
        return "redirect:/staff/fundraising/imports/" + id + "?done=imported";
    }

    @ExceptionHandler(ImportRefused.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(ImportRefused e, Model model) {
        model.addAttribute("refusal", e.reasonKey());
        model.addAttribute("refusalArgs", e.arguments().toArray());
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("fundraisers", fundraisers.all(false));
        model.addAttribute("imports", imports.recent(50));
        model.addAttribute("maxMegabytes", BankImports.MAX_FILE_BYTES / (1024 * 1024));
        return "fundraising/staff/imports";
    }

    private String mappingPage(long id, CsvMapping mapping, List<String> problems, Model model) {
        model.addAttribute("bankImport", imports.get(id));
        model.addAttribute("sample", imports.sample(id, mapping.encoding(), mapping.delimiter()));
        model.addAttribute("mapping", mapping);
        model.addAttribute("mappingProblems", problems);
        model.addAttribute("encodings", TextDecoding.CHOICES);
        model.addAttribute("dateFormats", CsvMapping.DATE_FORMATS);
        model.addAttribute("sampleDay", java.time.LocalDate.of(2026, 12, 31));
        return "fundraising/staff/import-mapping";
    }

    private String previewPage(long id, Map<String, String> form, Model model) {
        model.addAttribute("preview", imports.preview(id));
        model.addAttribute("form", form);
        return "fundraising/staff/import-preview";
    }
}
