package org.solidarityhub.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's answer to errors that no controller answered (error pages, JSON for JSON clients), except on
 * {@code /api/} paths: there it hands the error to {@link ApiErrors}, so an unknown API address, a method or
 * media type it does not take, or input the screening filter refused is a problem detail like every other
 * API error, whatever the client accepts.
 */
@Controller
class ErrorResponses extends BasicErrorController {

    private final LocalizedErrorAttributes errorAttributes;

    ErrorResponses(LocalizedErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> viewResolvers) {
        super(errorAttributes, web.getError(), viewResolvers.orderedStream().toList());
        this.errorAttributes = errorAttributes;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        refuseApiRequest(request);
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        refuseApiRequest(request);
        return super.error(request);
    }

    /** For a failed API request, an {@link ApiProblem} that {@link ApiErrors} answers with the same status and reason. */
    private void refuseApiRequest(HttpServletRequest request) {
        if (ApiErrors.isApi(request)) {
            int status = getStatus(request).value();
            throw ApiProblem.of(getStatus(request), errorAttributes.reasonKey(new ServletWebRequest(request), status));
        }
    }
}
