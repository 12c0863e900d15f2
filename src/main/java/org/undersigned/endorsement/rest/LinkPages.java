package org.undersigned.endorsement.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.Problems;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.service.TokenActions;

/**
 * The small pages the e-mailed links open, when no partner serves its own. Opening a link (GET)
 * does nothing but show a button, so that mail scanners that follow links confirm nothing; the
 * button POSTs the token. The token is in the address, so the pages send no Referer and allow no
 * script, frame or outside resource.
 */
public abstract class LinkPages {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private final Template page;
  private final String action;
  private final BiFunction<String, Boolean, Endorsement> work;

  LinkPages(Template page, String action, BiFunction<String, Boolean, Endorsement> work) {
    this.page = page;
    this.action = action;
    this.work = work;
  }

  /** The page at the confirmation link. */
  @Path("/confirm")
  public static class Confirm extends LinkPages {
    public Confirm(@Location("pages/link.html") Template page, TokenActions actions) {
      super(page, "confirm", (token, erase) -> actions.confirm(token));
    }
  }

  /** The page at the withdrawal link; it offers erasure at once. */
  @Path("/withdraw")
  public static class Withdraw extends LinkPages {
    public Withdraw(@Location("pages/link.html") Template page, TokenActions actions) {
      super(page, "withdraw", actions::withdraw);
    }
  }

  /** Opening the link: a button, and nothing done. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response ask(
      @QueryParam("token") String token,
      @QueryParam("lang") String lang,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    return ask(action, token, locale(lang, acceptLanguage));
  }

  /** Pressing the button. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response act(
      @FormParam("token") String token,
      @FormParam("lang") String lang,
      @FormParam("erase") String erase,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    return act(action, token, locale(lang, acceptLanguage), "true".equals(erase));
  }

  private Response ask(String action, String token, Locale locale) {
    String prefix = "page." + action + ".";
    return html(
        200,
        locale,
        Texts.text(locale, prefix + "title"),
        Texts.text(locale, prefix + "intro"),
        token == null ? "" : token,
        "/" + action,
        Texts.text(locale, prefix + "button"),
        action.equals("withdraw") ? Texts.text(locale, prefix + "erase") : null);
  }

  private Response act(String action, String token, Locale locale, boolean erase) {
    String prefix = "page." + action + ".done";
    try {
      work.apply(token, erase);
      return html(
          200,
          locale,
          Texts.text(locale, prefix + ".title"),
          Texts.text(locale, prefix),
          null,
          null,
          null,
          null);
    } catch (ProblemException problem) {
      var p = Problems.of(problem, locale);
      return html(p.status(), locale, p.title(), p.detail(), null, null, null, null);
    }
  }

  private Response html(
      int status,
      Locale locale,
      String title,
      String message,
      String token,
      String action,
      String button,
      String erase) {
    return html(page, status, locale, title, message, token, action, button, erase);
  }

  /**
   * A link page: the title, the message, and, with a token, the form that POSTs it to the action
   * (with the erasure box where one is offered). No cache, no Referer, no script.
   */
  static Response html(
      Template page,
      int status,
      Locale locale,
      String title,
      String message,
      String token,
      String action,
      String button,
      String erase) {
    String body =
        page.data("lang", locale.getLanguage())
            .data("title", title)
            .data("message", message)
            .data("token", token == null || token.isEmpty() ? null : token)
            .data("action", action)
            .data("button", button)
            .data("erase", erase)
            .render();
    return Response.status(status)
        .type(MediaType.TEXT_HTML + ";charset=UTF-8")
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .entity(body)
        .build();
  }

  /** The page's language: the link's lang, else the browser's. */
  static Locale locale(String lang, String acceptLanguage) {
    return lang != null
        ? Texts.fromTag(lang, Texts.fromAcceptLanguage(acceptLanguage))
        : Texts.fromAcceptLanguage(acceptLanguage);
  }
}
