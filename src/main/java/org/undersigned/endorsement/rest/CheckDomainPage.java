package org.undersigned.endorsement.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.Problems;
import org.undersigned.endorsement.verification.DomainCheck;
import org.undersigned.endorsement.verification.DomainVerification;

/**
 * The page the domain challenge's e-mail links to, when no partner serves its own: opening it shows
 * a button (mail scanners open links), pressing it looks the record up and shows the outcome. As
 * the other link pages, it sends no Referer and allows no script.
 */
@Path("/check-domain")
public class CheckDomainPage {

  private final Template page;
  private final DomainVerification verification;
  private final SigningLimits limits;

  public CheckDomainPage(
      @Location("pages/link.html") Template page,
      DomainVerification verification,
      SigningLimits limits) {
    this.page = page;
    this.verification = verification;
    this.limits = limits;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response ask(
      @QueryParam("token") String token,
      @QueryParam("lang") String lang,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    Locale locale = LinkPages.locale(lang, acceptLanguage);
    return html(
        200,
        locale,
        Texts.text(locale, "page.check-domain.title"),
        Texts.text(locale, "page.check-domain.intro"),
        token,
        Texts.text(locale, "page.check-domain.button"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response act(
      @Context HttpServerRequest request,
      @FormParam("token") String token,
      @FormParam("lang") String lang,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    Locale locale = LinkPages.locale(lang, acceptLanguage);
    try {
      limits.domainCheck(request);
      DomainCheck check = verification.check(token, locale);
      return check.verified()
          ? html(
              200,
              locale,
              Texts.text(locale, "page.check-domain.done.title"),
              Texts.text(locale, "page.check-domain.done", check.domain()),
              null,
              null)
          // Not yet: the reason, and the button again to try once the record is published.
          : html(
              200,
              locale,
              Texts.text(locale, "page.check-domain.failed.title"),
              check.detail(),
              token,
              Texts.text(locale, "page.check-domain.button"));
    } catch (ProblemException problem) {
      var p = Problems.of(problem, locale);
      return html(p.status(), locale, p.title(), p.detail(), null, null);
    }
  }

  private Response html(
      int status, Locale locale, String title, String message, String token, String button) {
    return LinkPages.html(
        page, status, locale, title, message, token, "/check-domain", button, null);
  }
}
